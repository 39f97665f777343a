"""The ``<id:...>`` part of an address, registered with Django once for every urls.py.

Ids in addresses are bounded (form_fields.IdConverter), so an absurd one is "not found"
rather than a server error. Django keeps one registry of converters for all URL modules
and warns when a name is registered again, so each urls.py that uses ``<id:...>``
imports this module, and the registration runs once, whichever urls.py loads first.
"""

from django.urls import register_converter

from network.platform.form_fields import IdConverter

register_converter(IdConverter, "id")
