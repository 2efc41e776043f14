import re


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def listed_titles(html):
    """Titles of the announcement list items, in page order."""
    return re.findall(r'<h3 class="announcement-list__title"><a [^>]*>([^<]+)</a>', html)
