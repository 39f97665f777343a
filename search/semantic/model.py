"""The local language model: all-MiniLM-L6-v2 (quantised) read with onnxruntime.

Search ranks by meaning as well as by words: a question in plain words ("can I refer
myself") meets the page that says it differently ("a single point of access that takes
referrals from anyone"). The model runs in the platform's own processes, from files
`scripts/language-model` unpacks from Maven Central, so nothing is sent anywhere and
nothing is fetched at run time.

Each process loads the model once, on first use. When the files are missing search
goes on with words alone: the absence is logged once, and `search_index --check` says so.
"""

import logging
import threading
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

DIMENSIONS = 384
# The model was trained on 128-token inputs; longer ones cost more and match no better.
MAX_TOKENS = 128
BATCH_SIZE = 32

_lock = threading.Lock()
_loaded = {}


class LanguageModel:
    def __init__(self, folder):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # One thread a call: the web workers and the node already share the cores.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def embed(self, texts):
        """Unit vectors (float32, one row a text): the mean of the model's token states."""
        import numpy

        rows = []
        for start in range(0, len(texts), BATCH_SIZE):
            encoded = self.tokenizer.encode_batch(list(texts[start : start + BATCH_SIZE]))
            ids = numpy.array([item.ids for item in encoded], dtype=numpy.int64)
            mask = numpy.array([item.attention_mask for item in encoded], dtype=numpy.int64)
            states = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": numpy.zeros_like(ids)},
            )[0]
            summed = (states * mask[..., None]).sum(axis=1)
            mean = summed / numpy.maximum(mask.sum(axis=1, keepdims=True), 1)
            norms = numpy.linalg.norm(mean, axis=1, keepdims=True)
            rows.append((mean / numpy.maximum(norms, 1e-12)).astype(numpy.float32))
        if not rows:
            return numpy.zeros((0, DIMENSIONS), dtype=numpy.float32)
        return numpy.concatenate(rows)


def folder():
    configured = getattr(settings, "LANGUAGE_MODEL_DIR", "")
    return Path(configured) if configured else None


def missing_reason():
    """Why the model cannot be used here, or "" when it can."""
    where = folder()
    if where is None:
        return "no LANGUAGE_MODEL_DIR is set"
    absent = [name for name in ("model.onnx", "tokenizer.json") if not (where / name).is_file()]
    if absent:
        return f"{', '.join(absent)} missing from {where} (run scripts/language-model fetch)"
    return ""


def get():
    """The process's model, or None when it cannot be had (logged once per folder)."""
    where = folder()
    key = str(where)
    if key in _loaded:
        return _loaded[key]
    with _lock:
        if key not in _loaded:
            reason = missing_reason()
            model = None
            if reason:
                logger.warning("Search ranks by words alone: %s", reason)
            else:
                try:
                    model = LanguageModel(where)
                except Exception as error:  # a damaged file must not stop search
                    logger.error("Search ranks by words alone: the model did not load (%s)", error)
            _loaded[key] = model
    return _loaded[key]
