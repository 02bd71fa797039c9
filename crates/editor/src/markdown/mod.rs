//! Articles written in Markdown: every build reads them into the typed content
//! (`crate::sources`), and `content new` starts one. The format (docs/editing.md, "Writing an article in Markdown"):
//!
//! - YAML front matter between `---` lines: `title`, `description`, `date` (YYYY-MM-DD),
//!   `category`, and optionally `hero` (`src`, `alt`, and `width`/`height` unless the image
//!   file tells them; optional `share_image`), `slug`, `related` (`title`, `slug` pairs),
//!   `key_points` (plain sentences), `author` and `medical_reviewer` (ids of the site's people), `last_reviewed` and
//!   `next_review` (YYYY-MM-DD), `sources` (`title`, and optionally `publisher`, `year`,
//!   `url`), `updated` (`date`, `note`), `old_addresses` (paths that lead here) and
//!   `also_called` (other names, for the A to Z), `lang` (the article's language, a BCP 47
//!   tag, when not the site's) and `translation_of` (the slug of the article it translates).
//! - Text before the first `##` is the introduction; `##` starts a section and `###` a
//!   sub-section. `## Frequently Asked Questions` (or any `##` marked `{.faq}`) is the FAQ,
//!   if there is one, the last section, with one `###` per question. `{.callout}` after a `##` makes that
//!   section a callout; `{#some-id}` after a heading keeps an id.
//! - Paragraphs, `-` and `1.` lists (one paragraph per item, not nested), `**strong**`,
//!   `*emphasis*`, `[links](https://…)`, and `[booking links](booking:)` to the clinic's
//!   booking address.
//! - Pipe tables (a header row, then rows), with a `Table: …` paragraph right before one as
//!   its caption; a picture in a paragraph of its own, `![what it shows](images/x.jpg
//!   "Caption")`, its size read from its file.
//!
//! Anything else (raw HTML, code, quotes, nested formatting) is an error naming its line:
//! nothing is dropped silently.

mod body;
mod front_matter;
mod images;
mod skeleton;
mod writer;

use std::path::Path;

use clinic_content::ids::readable_slug;
use clinic_content::model::{Article, Hero};
use clinic_content::validate::problems;

use body::BodyReader;
use front_matter::split_front_matter;
pub use front_matter::FrontMatter;
use images::hero_size;
pub(crate) use images::image_size;
pub use skeleton::skeleton;
pub use writer::write_article;

/// The link address that stands for the clinic's booking address: `[Book now](booking:)`.
pub const BOOKING_HREF: &str = "booking:";
/// The heading that makes a `##` section the FAQ without a `{.faq}` mark.
pub const FAQ_HEADING: &str = "Frequently Asked Questions";
/// How a paragraph right before a table starts to be that table's caption.
pub const TABLE_CAPTION: &str = "Table:";

/// A mistake in a Markdown article: its line (counted from 1, front matter included) when it
/// has one, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    pub line: Option<usize>,
    pub message: String,
}

impl MarkdownError {
    fn at(line: usize, message: impl Into<String>) -> Self {
        MarkdownError {
            line: Some(line),
            message: message.into(),
        }
    }
}

/// Reads a Markdown article from the file named `name` (without `.md`), whose readable form
/// is the article's slug unless the front matter gives one: a corrected title keeps the
/// article's address. `site` is the folder the site is served from (`public/`), where the
/// hero image's size is read when the front matter does not give it. Every mistake found is
/// returned, each with its line where it has one.
pub fn read_article(
    markdown: &str,
    name: &str,
    site: &Path,
) -> Result<Article, Vec<MarkdownError>> {
    let (matter, body, body_line) = split_front_matter(markdown).map_err(|e| vec![e])?;
    let matter: FrontMatter = serde_yaml_ng::from_str(matter).map_err(|error| {
        // The front matter starts on line 2, after its opening `---`.
        let line = error.location().map_or(2, |at| at.line() + 1);
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        vec![MarkdownError::at(line, format!("front matter: {message}"))]
    })?;
    let mut reader = BodyReader::new(markdown, body_line, site);
    reader.read(body);
    let hero = match matter.hero {
        Some(hero) => {
            let (width, height) = hero_size(&hero, site).map_err(|e| vec![e])?;
            Some(Hero {
                image: hero.src,
                alt: hero.alt,
                width,
                height,
                share_image: hero.share_image,
            })
        }
        None => None,
    };
    let article = Article {
        schema: Some("../../../schemas/article.schema.json".to_string()),
        slug: matter.slug.unwrap_or_else(|| readable_slug(name)),
        title: matter.title,
        lang: matter.lang,
        translation_of: matter.translation_of,
        description: matter.description,
        category: matter.category,
        published: matter.date,
        hero,
        key_points: matter.key_points,
        intro: reader.intro,
        sections: reader.sections,
        faq: reader.faq,
        related: matter.related,
        author: matter.author,
        medical_reviewer: matter.medical_reviewer,
        last_reviewed: matter.last_reviewed,
        next_review: matter.next_review,
        sources: matter.sources,
        updated: matter.updated,
        old_addresses: matter.old_addresses,
        also_called: matter.also_called,
    };
    let errors = reader.errors;
    if !errors.is_empty() {
        return Err(errors);
    }
    let broken = problems(&article);
    if !broken.is_empty() {
        return Err(broken
            .into_iter()
            .map(|problem| MarkdownError {
                line: None,
                message: problem.to_string(),
            })
            .collect());
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::images::svg_size;
    use super::*;
    use clinic_content::model::{Block, Figure, Inline, Link, Source, Table, Update};

    const FRONT: &str = "---\ntitle: A Test Article\ndescription: For tests.\ndate: 2026-02-03\n\
                         category: Tests\nhero:\n  src: images/x.svg\n  alt: A picture\n  \
                         width: 10\n  height: 5\n---\n";
    const FAQ: &str = "\n## Frequently Asked Questions\n\n### Why?\n\nBecause.\n";

    fn read_body(body: &str) -> Result<Article, Vec<MarkdownError>> {
        read_article(
            &format!("{FRONT}{body}{FAQ}"),
            "a-test-article",
            Path::new("."),
        )
    }

    /// The line and message of every mistake in `body` (placed after the front matter, which
    /// takes lines 1-11).
    fn mistakes(body: &str) -> Vec<(Option<usize>, String)> {
        read_body(body)
            .expect_err("a mistake")
            .into_iter()
            .map(|e| (e.line, e.message))
            .collect()
    }

    fn faq_of(article: &Article) -> &clinic_content::model::Faq {
        article.faq.as_ref().expect("an FAQ")
    }

    fn hero_size_of(article: &Article) -> (u32, u32) {
        let hero = article.hero.as_ref().expect("a hero");
        (hero.width, hero.height)
    }

    fn text(value: &str) -> Inline {
        Inline::Text(value.to_string())
    }

    #[test]
    fn credits_review_dates_sources_and_update_come_from_the_front_matter() {
        let open = FRONT.strip_suffix("---\n").expect("the closing line");
        let front = format!(
            "{open}author: ann\nmedical_reviewer: bob\nlast_reviewed: 2026-02-04\n\
             next_review: 2027-02-04\nsources:\n  - title: A Guide\n    publisher: A Service\n\
             \x20   year: 2024\n    url: https://example.org/guide\n  - title: A Book\n\
             updated:\n  date: 2026-03-01\n  note: New advice.\n---\n"
        );
        let body = "Intro.\n\n## A Section\n\nBody.\n";
        let article = read_article(
            &format!("{front}{body}{FAQ}"),
            "a-test-article",
            Path::new("."),
        )
        .expect("valid");
        assert_eq!(article.author.as_deref(), Some("ann"));
        assert_eq!(article.medical_reviewer.as_deref(), Some("bob"));
        assert_eq!(article.last_reviewed.as_deref(), Some("2026-02-04"));
        assert_eq!(article.next_review.as_deref(), Some("2027-02-04"));
        assert_eq!(
            article.sources,
            vec![
                Source {
                    title: "A Guide".into(),
                    publisher: Some("A Service".into()),
                    year: Some(2024),
                    url: Some("https://example.org/guide".into()),
                },
                Source {
                    title: "A Book".into(),
                    publisher: None,
                    year: None,
                    url: None,
                },
            ]
        );
        assert_eq!(
            article.updated,
            Some(Update {
                date: "2026-03-01".into(),
                note: "New advice.".into()
            })
        );
    }

    #[test]
    fn titles_and_headings_in_any_script_get_readable_addresses() {
        let front = FRONT.replace("title: A Test Article", "title: Über Rückenschmerzen");
        let body = "Intro.\n\n## Wärme oder Kälte?\n\nBody.\n\n## Plain Heading\n\nBody.\n";
        let faq = "\n## Frequently Asked Questions\n\n### Hilft Bewegung?\n\nJa.\n";
        let article = read_article(
            &format!("{front}{body}{faq}"),
            "Über-Rückenschmerzen",
            Path::new("."),
        )
        .expect("valid");
        assert_eq!(article.slug, "uber-ruckenschmerzen", "from the file's name");
        assert_eq!(article.sections[0].id.as_deref(), Some("warme-oder-kalte"));
        assert_eq!(
            article.sections[1].id, None,
            "an ASCII heading's id needs no help"
        );
        assert_eq!(faq_of(&article).items[0].id, None);
    }

    #[test]
    fn an_svg_hero_size_is_read_from_its_size_or_view_box() {
        let svg = |root: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\" {root}/>");
        assert_eq!(
            svg_size(&svg("width=\"120\" height=\"80px\"")),
            Some((120, 80))
        );
        assert_eq!(svg_size(&svg("viewBox=\"0 0 960 540\"")), Some((960, 540)));
        assert_eq!(
            svg_size(&svg("width=\"100%\" height=\"100%\" viewBox=\"0,0,16,9\"")),
            Some((16, 9))
        );
        assert_eq!(svg_size(&svg("width=\"10em\"")), None);
        assert_eq!(svg_size("not svg"), None);

        // The reader reads the hero's when the front matter leaves it out.
        let site = tempfile::tempdir().expect("a folder");
        std::fs::create_dir(site.path().join("images")).expect("a folder");
        std::fs::write(
            site.path().join("images/x.svg"),
            svg("viewBox=\"0 0 960 540\""),
        )
        .expect("write");
        let front = FRONT.replace("  width: 10\n  height: 5\n", "");
        let body = "Intro.\n\n## A Section\n\nBody.\n";
        let article = read_article(
            &format!("{front}{body}{FAQ}"),
            "a-test-article",
            site.path(),
        )
        .expect("valid");
        assert_eq!(hero_size_of(&article), (960, 540));
    }

    #[test]
    fn front_matter_intro_sections_and_faq_become_the_article() {
        let article = read_body(
            "Intro with **bold**, *soft* and [a link](https://example.com/a) and \
             [booking](booking:).\n\n## First {#kept-id}\n\nBody.\n\n### Sub\n\n- one\n- two\n\n\
             1. first\n2. second\n\n## Care {.callout}\n\nSee someone.\n",
        )
        .expect("valid");
        assert_eq!(article.slug, "a-test-article");
        assert_eq!(article.published, "2026-02-03");
        assert_eq!(hero_size_of(&article), (10, 5));
        assert_eq!(
            article.intro,
            vec![Block::Paragraph(vec![
                text("Intro with "),
                Inline::Strong("bold".into()),
                text(", "),
                Inline::Emphasis("soft".into()),
                text(" and "),
                Inline::Link(Link {
                    text: "a link".into(),
                    href: "https://example.com/a".into()
                }),
                text(" and "),
                Inline::BookingLink("booking".into()),
                text("."),
            ])]
        );
        let first = &article.sections[0];
        assert_eq!(
            (first.heading.as_str(), first.id.as_deref(), first.callout),
            ("First", Some("kept-id"), false)
        );
        assert_eq!(first.body, vec![Block::Paragraph(vec![text("Body.")])]);
        assert_eq!(
            first.subsections[0].body,
            vec![
                Block::List(vec![vec![text("one")], vec![text("two")]]),
                Block::NumberedList(vec![vec![text("first")], vec![text("second")]]),
            ]
        );
        assert!(article.sections[1].callout);
        assert_eq!(faq_of(&article).heading, "Frequently Asked Questions");
        assert_eq!(faq_of(&article).items[0].question, "Why?");
        assert_eq!(
            faq_of(&article).items[0].answer,
            vec![Block::Paragraph(vec![text("Because.")])]
        );
    }

    #[test]
    fn a_soft_line_break_is_a_space() {
        let article = read_body("One line\nand the next.\n\n## S\n\nx\n").expect("valid");
        assert_eq!(
            article.intro,
            vec![Block::Paragraph(vec![text("One line and the next.")])]
        );
    }

    #[test]
    fn what_cannot_be_shown_is_an_error_with_its_line() {
        let cases = [
            (
                "![a picture](images/missing.png)\n\n## S\n\nx\n",
                12,
                "is not there",
            ),
            (
                "![a picture](https://elsewhere.org/x.png)\n\n## S\n\nx\n",
                12,
                "use a file of this site",
            ),
            (
                "## S\n\n- ![a picture](images/x.svg)\n",
                14,
                "a paragraph of its own, not in a list",
            ),
            (
                "## S\n\nTable: Lost\n\nA paragraph.\n",
                14,
                "belongs on the line before its table",
            ),
            (
                "## S\n\n| **a** | b |\n|---|---|\n| 1 | 2 |\n",
                14,
                "column names are plain text",
            ),
            ("<div>hi</div>\n\n## S\n\nx\n", 12, "HTML cannot be shown"),
            (
                "Some <b>bold</b>.\n\n## S\n\nx\n",
                12,
                "HTML cannot be shown",
            ),
            (
                "## S\n\nA [bad](javascript:alert(1)) link.\n",
                14,
                "is not allowed",
            ),
            ("## S\n\n- a\n  - nested\n", 15, "lists inside lists"),
            (
                "## S\n\n**a [link](https://x.org) in bold**\n",
                14,
                "formatting inside formatting",
            ),
            (
                "# Title again\n\n## S\n\nx\n",
                12,
                "the title comes from the front matter",
            ),
            (
                "### Orphan\n\nx\n\n## S\n\nx\n",
                12,
                "belongs under a `##` section",
            ),
            ("## S {.shiny}\n\nx\n", 12, "unknown mark"),
            ("## S\n\n`code`\n", 14, "code cannot be shown"),
            ("## S\n\n> quoted\n", 14, "quotes cannot be shown"),
        ];
        for (body, line, message) in cases {
            let found = mistakes(body);
            assert!(
                found
                    .iter()
                    .any(|(l, m)| *l == Some(line) && m.contains(message)),
                "{body:?}: expected line {line} {message:?}, got {found:?}"
            );
        }
    }

    /// A site folder with `images/x.svg` of 300x200.
    fn site_with_a_picture() -> tempfile::TempDir {
        let site = tempfile::tempdir().expect("a folder");
        std::fs::create_dir(site.path().join("images")).expect("a folder");
        std::fs::write(
            site.path().join("images/x.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 200\"/>",
        )
        .expect("write");
        site
    }

    #[test]
    fn pipe_tables_with_captions_and_pictures_with_titles_become_tables_and_figures() {
        let site = site_with_a_picture();
        let body = "Intro.\n\n## S\n\nTable: Heat or ice\n\n| | When |\n|---|---|\n\
                    | Ice | The **first** two days |\n| Heat | |\n\n\
                    ![A *stretch* at a desk](images/x.svg \"Stretch every hour.\")\n\n\
                    ![Plain](images/x.svg)\n";
        let article = read_article(
            &format!("{FRONT}{body}{FAQ}"),
            "a-test-article",
            site.path(),
        )
        .expect("valid");
        assert_eq!(
            article.sections[0].body,
            vec![
                Block::Table(Table {
                    caption: Some("Heat or ice".into()),
                    header: vec![String::new(), "When".into()],
                    rows: vec![
                        vec![
                            vec![text("Ice")],
                            vec![
                                text("The "),
                                Inline::Strong("first".into()),
                                text(" two days")
                            ]
                        ],
                        vec![vec![text("Heat")], vec![]],
                    ],
                }),
                Block::Figure(Figure {
                    image: "images/x.svg".into(),
                    alt: "A stretch at a desk".into(),
                    width: 300,
                    height: 200,
                    caption: Some("Stretch every hour.".into()),
                }),
                Block::Figure(Figure {
                    image: "images/x.svg".into(),
                    alt: "Plain".into(),
                    width: 300,
                    height: 200,
                    caption: None,
                }),
            ]
        );
        let beside_text = format!("{FRONT}## S\n\nSee ![Plain](images/x.svg) here.\n{FAQ}");
        let errors =
            read_article(&beside_text, "a-test-article", site.path()).expect_err("not alone");
        assert_eq!(errors[0].line, Some(14));
        assert!(errors[0].message.contains("a paragraph of its own"));
    }

    #[test]
    fn an_article_may_be_an_introduction_alone_without_picture_sections_or_faq() {
        let front = FRONT.replace(
            "hero:\n  src: images/x.svg\n  alt: A picture\n  width: 10\n  height: 5\n",
            "",
        );
        assert_ne!(front, FRONT);
        let article = read_article(
            &format!("{front}Our opening hours change on Monday.\n"),
            "a-test-article",
            Path::new("."),
        )
        .expect("valid");
        assert_eq!((article.hero, article.faq), (None, None));
        assert!(article.sections.is_empty());
        assert_eq!(article.intro.len(), 1);
        let errors = read_article(&front, "a-test-article", Path::new(".")).expect_err("empty");
        assert!(errors[0].message.contains("an article needs some text"));
    }

    #[test]
    fn a_section_after_the_faq_and_text_before_its_first_question_are_errors() {
        let markdown = format!("{FRONT}\n## S\n\nx\n{FAQ}\n## Late\n\ny\n");
        let errors =
            read_article(&markdown, "a-test-article", Path::new(".")).expect_err("late section");
        assert!(errors[0]
            .message
            .contains("the FAQ is the article's last section"));
        let markdown = format!("{FRONT}\n## S\n\nx\n\n## Frequently Asked Questions\n\nLoose.\n");
        let errors =
            read_article(&markdown, "a-test-article", Path::new(".")).expect_err("loose text");
        assert!(errors[0].message.contains("belongs to a question"));
    }

    #[test]
    fn front_matter_mistakes_name_their_line() {
        let errors = read_article("# No front matter\n", "a-test-article", Path::new("."))
            .expect_err("none");
        assert_eq!(errors[0].line, Some(1));
        let bad = FRONT.replace("category: Tests\n", "category: Tests\ncolour: blue\n");
        let errors = read_article(
            &format!("{bad}## S\n\nx\n{FAQ}"),
            "a-test-article",
            Path::new("."),
        )
        .expect_err("key");
        assert_eq!(errors[0].line, Some(6), "{errors:?}");
        assert!(errors[0].message.contains("unknown field `colour`"));
    }

    #[test]
    fn the_content_rules_apply_to_a_markdown_article() {
        let bad = FRONT.replace("date: 2026-02-03", "date: 2026-02-30");
        let errors = read_article(
            &format!("{bad}## S\n\nx\n{FAQ}"),
            "a-test-article",
            Path::new("."),
        )
        .expect_err("date");
        assert!(errors[0].message.starts_with("published: "), "{errors:?}");
    }

    #[test]
    fn a_corrected_title_keeps_the_address_and_a_slug_given_is_kept() {
        let corrected = FRONT.replace("title: A Test Article", "title: A Corrected Title");
        let body = "Intro.\n\n## A Section\n\nBody.\n";
        let article = read_article(
            &format!("{corrected}{body}{FAQ}"),
            "a-test-article",
            Path::new("."),
        )
        .expect("valid");
        assert_eq!(article.slug, "a-test-article");
        let given = corrected.replace("title:", "slug: its-own-address\ntitle:");
        let article = read_article(
            &format!("{given}{body}{FAQ}"),
            "a-test-article",
            Path::new("."),
        )
        .expect("valid");
        assert_eq!(article.slug, "its-own-address");
    }

    #[test]
    fn a_new_article_skeleton_reads() {
        let article = read_article(
            &skeleton("My “New” Article", "2026-04-05"),
            "my-new-article",
            Path::new("."),
        )
        .expect("the skeleton is a valid article");
        assert_eq!(article.slug, "my-new-article");
        assert_eq!(article.title, "My “New” Article");
        assert!(article.sections[1].callout);
    }
}
