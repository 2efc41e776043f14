"""The regency settings to and from a directory file's ``region`` block."""

from .models import RegencySettings

DEFAULT_REGION = {"name": "Kabupaten Banyuwangi", "programme": "Banyuwangi Melayani"}
LAPOR_SETTING = "lapor_url"
# The setting a complaint channel sets, by a word of the channel's name; the first word found wins.
CHANNEL_SETTINGS = (("sms", "complaint_sms"), ("whatsapp", "complaint_whatsapp"), ("lapor", LAPOR_SETTING))


def channel_setting(name):
    """``"SMS Center Pengaduan"`` → ``"complaint_sms"``; ``None`` for a channel no setting takes."""
    name = name.lower()
    return next((setting for word, setting in CHANNEL_SETTINGS if word in name), None)


def apply_region(region):
    """Keep the file's region block and take the regency's contact channels from it."""
    if not region:
        return
    regency = RegencySettings.load()
    regency.imported_region = region
    regency.call_center = str(region.get("call_center") or regency.call_center)
    regency.response_hours = int(region.get("response_time_hours") or regency.response_hours)
    for channel in region.get("complaint_channels", []):
        setting = channel_setting(channel.get("name", ""))
        if setting:
            setattr(regency, setting, channel.get("contact", ""))
    regency.save()


def exported_region():
    """The region block of an export: the imported one with today's call centre and response time."""
    regency = RegencySettings.load()
    region = dict(regency.imported_region or DEFAULT_REGION)
    region["call_center"] = regency.call_center
    region["response_time_hours"] = regency.response_hours
    return region
