"""The regency settings to and from a directory file's ``region`` block."""

from .models import RegencySettings

DEFAULT_REGION = {"name": "Kabupaten Banyuwangi", "programme": "Banyuwangi Melayani"}


def apply_region(region):
    """Keep the file's region block and take the regency's contact channels from it."""
    if not region:
        return
    regency = RegencySettings.load()
    regency.imported_region = region
    regency.call_center = str(region.get("call_center") or regency.call_center)
    regency.response_hours = int(region.get("response_time_hours") or regency.response_hours)
    for channel in region.get("complaint_channels", []):
        name, contact = channel.get("name", "").lower(), channel.get("contact", "")
        if "sms" in name:
            regency.complaint_sms = contact
        elif "whatsapp" in name:
            regency.complaint_whatsapp = contact
        elif "lapor" in name:
            regency.lapor_url = contact
    regency.save()


def exported_region():
    """The region block of an export: the imported one with today's call centre and response time."""
    regency = RegencySettings.load()
    region = dict(regency.imported_region or DEFAULT_REGION)
    region["call_center"] = regency.call_center
    region["response_time_hours"] = regency.response_hours
    return region
