from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    """JSON whose text never contains a literal ``<``, ``>`` or ``&``, so echoed input cannot become markup."""

    def encode(self, o):
        return super().encode(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class SafeJsonResponse(JsonResponse):
    def __init__(self, data, **kwargs):
        kwargs.setdefault("encoder", HtmlSafeJSONEncoder)
        kwargs.setdefault("json_dumps_params", {"ensure_ascii": False})
        super().__init__(data, **kwargs)
