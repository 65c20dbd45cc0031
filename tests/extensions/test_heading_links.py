"""practice_site.pages.heading_links: a heading marked ``data-no-section-link`` keeps its id but gets no "¶"
link (it is a link to a module already). Markdown in, exact HTML out, with the toc settings of mkdocs.yml."""

from __future__ import annotations

from support.markdown_cases import assert_renders

EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "practice_site.pages.heading_links"]
CONFIGS = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}


def test_a_marked_heading_loses_its_section_link_and_the_mark_and_keeps_its_id() -> None:
    assert_renders(
        """
        ## Why it matters

        ## Modules {: data-no-section-link="" }
        """,
        """
        <h2 id="why-it-matters">Why it matters<a class="headerlink" href="#why-it-matters" title="Link to this section">&para;</a></h2>
        <h2 id="modules">Modules</h2>
        """,  # noqa: E501
        EXTENSIONS, CONFIGS)


def test_a_module_heading_on_my_learning_keeps_its_link_to_the_module_and_only_that() -> None:
    """As learning/my_learning.py writes it: raw HTML whose content is Markdown (md_in_html)."""
    assert_renders(
        """
        <h3 id="principle-4" data-no-section-link="" markdown="span">[Practice Principle 4: Relationships](principles/principle-4.md)</h3>

        <h3 id="principle-5" markdown="span">[Practice Principle 5: Partnership](principles/principle-5.md)</h3>
        """,  # noqa: E501
        """
        <h3 id="principle-4"><a href="principles/principle-4.md">Practice Principle 4: Relationships</a></h3>
        <h3 id="principle-5"><a href="principles/principle-5.md">Practice Principle 5: Partnership</a><a class="headerlink" href="#principle-5" title="Link to this section">&para;</a></h3>
        """,  # noqa: E501
        EXTENSIONS, CONFIGS)


def test_a_module_card_heading_on_the_home_page_keeps_its_other_attributes() -> None:
    """As learning/learner_path.py writes a card's title."""
    assert_renders(
        """
        <h3 class="module-card-title" id="card-principle-4" data-search-exclude="" data-no-section-link="" markdown="span">[Relationships](principles/principle-4.md)</h3>
        """,  # noqa: E501
        """
        <h3 class="module-card-title" data-search-exclude="" id="card-principle-4"><a href="principles/principle-4.md">Relationships</a></h3>
        """,  # noqa: E501
        EXTENSIONS, CONFIGS)


def test_author_text_with_a_less_than_sign_ampersand_and_quotes_stays_text() -> None:
    assert_renders(
        """
        ## Under 18 & "at risk": 5 < 6 {: data-no-section-link="" }
        """,
        """
        <h2 id="under-18-at-risk-5-6">Under 18 &amp; "at risk": 5 &lt; 6</h2>
        """,
        EXTENSIONS, CONFIGS)


def test_headings_nested_in_a_list_a_note_or_a_div_are_found() -> None:
    assert_renders(
        """
        - A list item

            ### In a list {: data-no-section-link="" }

            ### Kept in a list

        !!! note

            #### In a note {: data-no-section-link="" }

        <div class="cards" markdown="1">

        #### In a div {: data-no-section-link="" }

        </div>
        """,
        """
        <ul>
        <li>
        <p>A list item</p>
        <h3 id="in-a-list">In a list</h3>
        <h3 id="kept-in-a-list">Kept in a list<a class="headerlink" href="#kept-in-a-list" title="Link to this section">&para;</a></h3>
        </li>
        </ul>
        <div class="admonition note">
        <p class="admonition-title">Note</p>
        <h4 id="in-a-note">In a note</h4>
        </div>
        <div class="cards">
        <h4 id="in-a-div">In a div</h4>
        </div>
        """,  # noqa: E501
        EXTENSIONS, CONFIGS)


def test_without_section_links_the_mark_alone_is_removed() -> None:
    assert_renders(
        """
        ## Modules {: data-no-section-link="" }
        """,
        """
        <h2 id="modules">Modules</h2>
        """,
        EXTENSIONS)


def test_the_mark_on_anything_but_a_heading_is_left_alone() -> None:
    assert_renders(
        """
        A paragraph.
        {: data-no-section-link="" }
        """,
        """
        <p data-no-section-link="">A paragraph.</p>
        """,
        EXTENSIONS, CONFIGS)


def test_an_empty_page_is_empty() -> None:
    assert_renders("", "", EXTENSIONS, CONFIGS)
