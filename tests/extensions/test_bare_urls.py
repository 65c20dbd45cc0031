"""practice_site.pages.bare_urls: a link whose text is its own web address gets ``class="bare-url"``
(the print stylesheet then does not print the address twice). Markdown in, exact HTML out."""

from __future__ import annotations

from support.markdown_cases import assert_renders

EXTENSIONS = ["attr_list", "tables", "practice_site.pages.bare_urls"]


def test_an_address_in_angle_brackets_is_marked() -> None:
    assert_renders(
        """
        See <https://www.gov.uk/government/publications/child-sexual-exploitation-definition-and-guide-for-practitioners>.
        """,
        """
        <p>See <a class="bare-url" href="https://www.gov.uk/government/publications/child-sexual-exploitation-definition-and-guide-for-practitioners">https://www.gov.uk/government/publications/child-sexual-exploitation-definition-and-guide-for-practitioners</a>.</p>
        """,
        EXTENSIONS)


def test_a_link_written_with_its_address_as_its_text_is_marked_and_a_named_link_is_not() -> None:
    assert_renders(
        """
        Read [the guidance](https://example.org/guidance) at
        [https://example.org/guidance](https://example.org/guidance "The guidance").
        """,
        """
        <p>Read <a href="https://example.org/guidance">the guidance</a> at
        <a class="bare-url" href="https://example.org/guidance" title="The guidance">https://example.org/guidance</a>.</p>
        """,
        EXTENSIONS)


def test_plain_http_is_marked_but_a_page_mail_or_a_text_that_differs_from_the_address_is_not() -> None:
    assert_renders(
        """
        <http://example.org> [page.html](page.html) <mailto:a@example.org>
        [https://example.org/](https://example.org)
        """,
        """
        <p><a class="bare-url" href="http://example.org">http://example.org</a> <a href="page.html">page.html</a> <a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#97;&#64;&#101;&#120;&#97;&#109;&#112;&#108;&#101;&#46;&#111;&#114;&#103;">&#97;&#64;&#101;&#120;&#97;&#109;&#112;&#108;&#101;&#46;&#111;&#114;&#103;</a>
        <a href="https://example.org">https://example.org/</a></p>
        """,  # noqa: E501
        EXTENSIONS)


def test_a_link_that_has_a_class_already_keeps_it() -> None:
    """A reference list's links carry citeproc's class="uri", which the print stylesheet knows."""
    assert_renders(
        """
        [https://doi.org/10.1000/182](https://doi.org/10.1000/182){: .uri }
        """,
        """
        <p><a class="uri" href="https://doi.org/10.1000/182">https://doi.org/10.1000/182</a></p>
        """,
        EXTENSIONS)


def test_a_link_whose_address_is_formatted_is_not_marked() -> None:
    assert_renders(
        """
        [**https://example.org**](https://example.org)
        """,
        """
        <p><a href="https://example.org"><strong>https://example.org</strong></a></p>
        """,
        EXTENSIONS)


def test_ampersands_and_quotes_in_an_address_are_escaped_in_the_attribute_and_the_link_is_marked() -> None:
    assert_renders(
        """
        <https://example.org/search?q=1&lang="en">
        """,
        """
        <p><a class="bare-url" href="https://example.org/search?q=1&amp;lang=&quot;en&quot;">https://example.org/search?q=1&amp;lang="en"</a></p>
        """,
        EXTENSIONS)


def test_addresses_in_lists_quotes_and_table_cells_are_marked() -> None:
    assert_renders(
        """
        - <https://example.org/list>

        > <https://example.org/quote>

        | Service | Address |
        |---------|---------|
        | Helpline | <https://example.org/cell> |
        """,
        """
        <ul>
        <li><a class="bare-url" href="https://example.org/list">https://example.org/list</a></li>
        </ul>
        <blockquote>
        <p><a class="bare-url" href="https://example.org/quote">https://example.org/quote</a></p>
        </blockquote>
        <table>
        <thead>
        <tr>
        <th>Service</th>
        <th>Address</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>Helpline</td>
        <td><a class="bare-url" href="https://example.org/cell">https://example.org/cell</a></td>
        </tr>
        </tbody>
        </table>
        """,
        EXTENSIONS)


def test_a_link_written_as_raw_html_is_left_as_written() -> None:
    """Raw HTML is not in Markdown's tree, so the extension never sees it (the stylesheet prints its address)."""
    assert_renders(
        """
        <a href="https://example.org">https://example.org</a>
        """,
        """
        <p><a href="https://example.org">https://example.org</a></p>
        """,
        EXTENSIONS)


def test_an_empty_page_is_empty() -> None:
    assert_renders("", "", EXTENSIONS)
