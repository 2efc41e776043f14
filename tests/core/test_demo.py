"""load_demo asks every app that has demo content, in an order where the news can name offices."""

from core.demo import app_demos


def test_the_directory_offers_its_demo_before_the_announcements_that_refer_to_it():
    labels = [app_config.label for app_config, _module in app_demos()]
    assert "directory" in labels and "announcements" in labels
    assert labels.index("directory") < labels.index("announcements")


def test_core_and_the_shell_offer_no_demo_of_their_own():
    labels = {app_config.label for app_config, _module in app_demos()}
    assert not labels & {"core", "melayani"}
