"""The building blocks of a reflection or network blog body."""

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from network.text.markdown_bounds import validate_structure
from network.text.member_text import MemberText

BODY_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, help_text="Who said it, or their role")

    class Meta:
        icon = "openquote"
        template = "blog/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False, help_text="Describe the image for people who cannot see it"
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "blog/blocks/figure.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        label = "Call-out"
        template = "blog/blocks/callout.html"


class ReflectionTextBlock(blocks.TextBlock):
    """A member's own Markdown, rendered through the sanitiser once, when it is saved.

    Stored as the source and its markup together (network.text.member_text.MemberText), so
    pages serve the markup as it is and the editor still shows the words typed.
    """

    def to_python(self, value):
        return MemberText.from_stored(value)

    def normalize(self, value):
        return MemberText.from_stored(value)

    def get_prep_value(self, value):
        return MemberText.from_stored(value).stored()

    def value_from_form(self, value):
        return MemberText(value)

    def value_for_form(self, value):
        return str(value or "")

    def clean(self, value):
        text = super().clean(value)
        validate_structure(text)
        return MemberText(text)

    def get_searchable_content(self, value):
        return [str(value)]

    class Meta:
        icon = "doc-full"
        label = "Member's text (Markdown)"
        template = "blog/blocks/reflection_text.html"


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=BODY_FEATURES, label="Text")
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedBlock(help_text="A video or slides from a provider such as YouTube")
    callout = CalloutBlock()
    reflection_text = ReflectionTextBlock()


def stream_words(stream_value):
    """Count words from stored block data, never by rendering (embeds would fetch URLs)."""
    words = 0
    for block in stream_value:
        value = block.value
        if block.block_type == "rich_text":
            words += len(strip_tags(value.source).split())
        elif block.block_type == "quote":
            words += len(value["quote"].split())
        elif block.block_type == "callout":
            words += len(value["heading"].split()) + len(strip_tags(value["text"].source).split())
        elif block.block_type == "reflection_text":
            words += len(value.split())
        elif block.block_type == "image":
            words += len(value["caption"].split())
    return words
