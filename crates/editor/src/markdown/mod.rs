//! Articles written in Markdown: `content import` turns them into the typed content, and
//! `content new` starts one. The format (README, "Writing an article"):
//!
//! - YAML front matter between `---` lines: `title`, `description`, `date` (YYYY-MM-DD),
//!   `category`, `hero` (`src`, `alt`, and `width`/`height` unless the image file tells them;
//!   optional `share_image`), and optionally `slug`, `related` (`title`, `slug` pairs),
//!   `key_points` (plain sentences), `author` and `medical_reviewer` (ids of the site's people), `last_reviewed` and
//!   `next_review` (YYYY-MM-DD), `sources` (`title`, and optionally `publisher`, `year`,
//!   `url`) and `updated` (`date`, `note`).
//! - Text before the first `##` is the introduction; `##` starts a section and `###` a
//!   sub-section. `## Frequently Asked Questions` (or any `##` marked `{.faq}`) is the FAQ,
//!   the last section, with one `###` per question. `{.callout}` after a `##` makes that
//!   section a callout; `{#some-id}` after a heading keeps an id.
//! - Paragraphs, `-` and `1.` lists (one paragraph per item, not nested), `**strong**`,
//!   `*emphasis*`, `[links](https://…)`, and `[booking links](booking:)` to the clinic's
//!   booking address.
//!
//! Anything else (images in the text, tables, raw HTML, code, quotes, nested formatting) is
//! an error naming its line: nothing is dropped silently.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use clinic_content::ids::{readable_id, readable_slug};
use clinic_content::model::{
    Article, Block, Faq, FaqItem, Hero, Inline, Link, RelatedPost, Section, Source, Subsection,
    Update,
};
use clinic_content::validate::{is_safe_href, problems};

/// The link address that stands for the clinic's booking address: `[Book now](booking:)`.
pub const BOOKING_HREF: &str = "booking:";
/// The heading that makes a `##` section the FAQ without a `{.faq}` mark.
pub const FAQ_HEADING: &str = "Frequently Asked Questions";

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    description: String,
    date: String,
    category: String,
    hero: HeroMatter,
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    related: Vec<RelatedPost>,
    #[serde(default)]
    key_points: Vec<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    medical_reviewer: Option<String>,
    #[serde(default)]
    last_reviewed: Option<String>,
    #[serde(default)]
    next_review: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    updated: Option<Update>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeroMatter {
    src: String,
    alt: String,
    #[serde(default)]
    width: Option<u32>,
    #[serde(default)]
    height: Option<u32>,
    #[serde(default)]
    share_image: Option<String>,
}

/// Reads a Markdown article. `site` is the folder the site is served from (`public/`), where
/// the hero image's size is read when the front matter does not give it. Every mistake found
/// is returned, each with its line where it has one.
pub fn import(markdown: &str, site: &Path) -> Result<Article, Vec<MarkdownError>> {
    let (matter, body, body_line) = split_front_matter(markdown).map_err(|e| vec![e])?;
    let matter: FrontMatter = serde_yaml_ng::from_str(matter).map_err(|error| {
        // The front matter starts on line 2, after its opening `---`.
        let line = error.location().map_or(2, |at| at.line() + 1);
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        vec![MarkdownError::at(line, format!("front matter: {message}"))]
    })?;
    let mut reader = BodyReader::new(markdown, body_line);
    reader.read(body);
    let (width, height) = hero_size(&matter.hero, site).map_err(|e| vec![e])?;
    let article = Article {
        schema: Some("../../../schemas/article.schema.json".to_string()),
        slug: matter.slug.unwrap_or_else(|| readable_slug(&matter.title)),
        title: matter.title,
        description: matter.description,
        category: matter.category,
        published: matter.date,
        hero: Hero {
            image: matter.hero.src,
            alt: matter.hero.alt,
            width,
            height,
            share_image: matter.hero.share_image,
        },
        key_points: matter.key_points,
        intro: reader.intro,
        sections: reader.sections,
        faq: reader.faq.unwrap_or(Faq {
            heading: String::new(),
            items: Vec::new(),
        }),
        related: matter.related,
        author: matter.author,
        medical_reviewer: matter.medical_reviewer,
        last_reviewed: matter.last_reviewed,
        next_review: matter.next_review,
        sources: matter.sources,
        updated: matter.updated,
    };
    let mut errors = reader.errors;
    if article.faq.heading.is_empty() {
        errors.push(MarkdownError {
            line: None,
            message: format!(
                "no FAQ: end the article with a `## {FAQ_HEADING}` section with one `###` \
                 question each"
            ),
        });
    }
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

/// The front matter's text, the body's text, and the line the body starts on.
fn split_front_matter(markdown: &str) -> Result<(&str, &str, usize), MarkdownError> {
    let missing = || {
        MarkdownError::at(
            1,
            "an article starts with its front matter between two `---` lines",
        )
    };
    let rest = markdown
        .strip_prefix("---\n")
        .or_else(|| markdown.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let matter = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 3 + matter.lines().count();
            return Ok((matter, body, body_line));
        }
        offset += line.len();
    }
    Err(missing())
}

/// The hero's width and height: from the front matter, or else from the image file.
fn hero_size(hero: &HeroMatter, site: &Path) -> Result<(u32, u32), MarkdownError> {
    if let (Some(width), Some(height)) = (hero.width, hero.height) {
        return Ok((width, height));
    }
    let path = site.join(&hero.src);
    let is_svg = hero.src.to_ascii_lowercase().ends_with(".svg");
    let size = if is_svg {
        std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| svg_size(&text))
    } else {
        imagesize::size(&path).ok().and_then(|size| {
            Some((
                u32::try_from(size.width).ok()?,
                u32::try_from(size.height).ok()?,
            ))
        })
    };
    size.ok_or_else(|| {
        MarkdownError::at(
            2,
            format!(
                "front matter: hero: give `width` and `height` (the size of {} could not \
                     be read)",
                path.display()
            ),
        )
    })
}

/// An SVG's size in pixels: its root's `width` and `height` when they are plain numbers (or
/// pixels), else its `viewBox`'s.
fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let document = roxmltree::Document::parse(svg).ok()?;
    let root = document.root_element();
    let pixels = |value: &str| -> Option<u32> {
        let number: f64 = value.trim().trim_end_matches("px").parse().ok()?;
        (number >= 1.0 && number < f64::from(u32::MAX)).then(|| number.round() as u32)
    };
    let attribute = |name| root.attribute(name).and_then(pixels);
    if let (Some(width), Some(height)) = (attribute("width"), attribute("height")) {
        return Some((width, height));
    }
    let view_box: Vec<&str> = root
        .attribute("viewBox")?
        .split(|ch: char| ch == ',' || ch.is_whitespace())
        .filter(|part| !part.is_empty())
        .collect();
    match view_box.as_slice() {
        [_, _, width, height] => Some((pixels(width)?, pixels(height)?)),
        _ => None,
    }
}

/// Where the text being read goes.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Intro,
    Section,
    Subsection,
    FaqHeading,
    Question,
}

/// What a list is being built into.
struct ListBuilder {
    numbered: bool,
    items: Vec<Vec<Inline>>,
    /// Paragraphs in the current item, which may hold one.
    paragraphs: usize,
}

/// Formatting that wraps text, and the text gathered inside it.
enum Span {
    Strong(String),
    Emphasis(String),
    Link { href: String, text: String },
}

struct BodyReader<'a> {
    source: &'a str,
    /// The byte offset of the body in `source`.
    body_start: usize,
    intro: Vec<Block>,
    sections: Vec<Section>,
    faq: Option<Faq>,
    place: Place,
    errors: Vec<MarkdownError>,
    /// The heading being read: level, id, classes, text.
    heading: Option<(HeadingLevel, Option<String>, Vec<String>, String)>,
    inlines: Vec<Inline>,
    span: Option<Span>,
    list: Option<ListBuilder>,
    /// Inside something that cannot be shown (a table, a quote…), already reported.
    skipping: usize,
}

impl<'a> BodyReader<'a> {
    fn new(source: &'a str, body_line: usize) -> Self {
        let body_start = source
            .split_inclusive('\n')
            .take(body_line - 1)
            .map(str::len)
            .sum();
        BodyReader {
            source,
            body_start,
            intro: Vec::new(),
            sections: Vec::new(),
            faq: None,
            place: Place::Intro,
            errors: Vec::new(),
            heading: None,
            inlines: Vec::new(),
            span: None,
            list: None,
            skipping: 0,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        let end = (self.body_start + offset).min(self.source.len());
        self.source[..end].matches('\n').count() + 1
    }

    fn error(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.line_of(offset);
        // One message per line and kind is enough.
        let message = message.into();
        if !self
            .errors
            .iter()
            .any(|e| e.line == Some(line) && e.message == message)
        {
            self.errors.push(MarkdownError::at(line, message));
        }
    }

    fn read(&mut self, body: &str) {
        let options = Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            self.event(event, range.start);
        }
    }

    fn event(&mut self, event: Event, at: usize) {
        if self.skipping > 0 {
            match event {
                Event::Start(_) => self.skipping += 1,
                Event::End(_) => self.skipping -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if !attrs.is_empty() {
                    self.error(
                        at,
                        "headings take only `{#id}` and `{.callout}` or `{.faq}`",
                    );
                }
                let classes = classes.iter().map(|c| c.to_string()).collect();
                self.heading = Some((level, id.map(|id| id.to_string()), classes, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(at),
            Event::Start(Tag::Paragraph) => {
                if let Some(list) = &mut self.list {
                    list.paragraphs += 1;
                    if list.paragraphs > 1 {
                        self.error(at, "a list item holds one paragraph");
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if self.list.is_none() {
                    let content = std::mem::take(&mut self.inlines);
                    self.push_block(at, Block::Paragraph(content));
                }
            }
            Event::Start(Tag::List(first)) => {
                if self.list.is_some() {
                    self.error(at, "lists inside lists cannot be shown: keep one level");
                    self.skipping = 1;
                } else {
                    self.list = Some(ListBuilder {
                        numbered: first.is_some(),
                        items: Vec::new(),
                        paragraphs: 0,
                    });
                }
            }
            Event::Start(Tag::Item) => {
                if let Some(list) = &mut self.list {
                    list.paragraphs = 0;
                }
            }
            Event::End(TagEnd::Item) => {
                let content = std::mem::take(&mut self.inlines);
                if let Some(list) = &mut self.list {
                    list.items.push(content);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = self.list.take() {
                    let block = if list.numbered {
                        Block::NumberedList(list.items)
                    } else {
                        Block::List(list.items)
                    };
                    self.push_block(at, block);
                }
            }
            Event::Start(Tag::Strong) => self.open_span(at, Span::Strong(String::new())),
            Event::Start(Tag::Emphasis) => self.open_span(at, Span::Emphasis(String::new())),
            Event::Start(Tag::Link { dest_url, .. }) => self.open_span(
                at,
                Span::Link {
                    href: dest_url.to_string(),
                    text: String::new(),
                },
            ),
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => self.close_span(at),
            Event::Text(text) => self.text(&text),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.error(
                at,
                "a line break inside a paragraph cannot be shown: start a new paragraph",
            ),
            Event::Start(tag) => {
                let what = match tag {
                    Tag::Image { .. } => "images in the text cannot be shown: the article's picture is the hero in the front matter",
                    Tag::Table(_) => "tables cannot be shown: write the rows as a list",
                    Tag::BlockQuote(_) => "quotes cannot be shown: write a paragraph",
                    Tag::CodeBlock(_) => "code blocks cannot be shown",
                    Tag::HtmlBlock => "HTML cannot be shown: content is text, never markup",
                    Tag::FootnoteDefinition(_) => "footnotes cannot be shown",
                    Tag::Strikethrough => "struck-through text cannot be shown",
                    _ => "this Markdown cannot be shown in an article",
                };
                self.error(at, what);
                self.skipping = 1;
            }
            Event::Code(_) => self.error(at, "code cannot be shown: write it as text"),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.error(at, "HTML cannot be shown: content is text, never markup")
            }
            Event::Rule => self.error(at, "horizontal rules cannot be shown: use a heading"),
            Event::FootnoteReference(_) => self.error(at, "footnotes cannot be shown"),
            Event::TaskListMarker(_) => self.error(at, "checkboxes cannot be shown"),
            _ => self.error(at, "this Markdown cannot be shown in an article"),
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, _, _, heading)) = &mut self.heading {
            heading.push_str(text);
            return;
        }
        match &mut self.span {
            Some(Span::Strong(inner) | Span::Emphasis(inner)) => inner.push_str(text),
            Some(Span::Link { text: inner, .. }) => inner.push_str(text),
            None => match self.inlines.last_mut() {
                Some(Inline::Text(last)) => last.push_str(text),
                _ => self.inlines.push(Inline::Text(text.to_string())),
            },
        }
    }

    fn open_span(&mut self, at: usize, span: Span) {
        if self.heading.is_some() {
            self.error(at, "headings are plain text: no bold, italics or links");
        } else if self.span.is_some() {
            self.error(
                at,
                "formatting inside formatting (a link in bold…) cannot be shown",
            );
        } else {
            self.span = Some(span);
        }
    }

    fn close_span(&mut self, at: usize) {
        let inline = match self.span.take() {
            Some(Span::Strong(text)) => Inline::Strong(text),
            Some(Span::Emphasis(text)) => Inline::Emphasis(text),
            Some(Span::Link { href, text }) if href == BOOKING_HREF => Inline::BookingLink(text),
            Some(Span::Link { href, text }) => {
                if !is_safe_href(&href) {
                    self.error(
                        at,
                        format!(
                            "the link {text:?} goes to {href:?}, which is not allowed: use \
                             https:, http:, mailto:, tel:, a path starting with / or \
                             `{BOOKING_HREF}`"
                        ),
                    );
                }
                Inline::Link(Link { text, href })
            }
            None => return,
        };
        self.inlines.push(inline);
    }

    fn end_heading(&mut self, at: usize) {
        let Some((level, id, classes, text)) = self.heading.take() else {
            return;
        };
        let text = text.trim().to_string();
        let id = id.or_else(|| readable_id(&text));
        let is_faq = classes.iter().any(|c| c == "faq") || text == FAQ_HEADING;
        let callout = classes.iter().any(|c| c == "callout");
        if let Some(other) = classes
            .iter()
            .find(|c| !["faq", "callout"].contains(&c.as_str()))
        {
            self.error(
                at,
                format!("unknown mark `{{.{other}}}`: use `{{.callout}}` or `{{.faq}}`"),
            );
        }
        if self.faq.is_some() && level == HeadingLevel::H2 {
            self.error(
                at,
                "the FAQ is the article's last section: move this section above it",
            );
            return;
        }
        match level {
            HeadingLevel::H2 if is_faq => {
                if id.is_some() || callout {
                    self.error(at, "the FAQ heading takes no id or callout");
                }
                self.faq = Some(Faq {
                    heading: text,
                    items: Vec::new(),
                });
                self.place = Place::FaqHeading;
            }
            HeadingLevel::H2 => {
                self.sections.push(Section {
                    heading: text,
                    id,
                    callout,
                    body: Vec::new(),
                    subsections: Vec::new(),
                });
                self.place = Place::Section;
            }
            HeadingLevel::H3 => {
                if callout || is_faq && text != FAQ_HEADING {
                    self.error(at, "only a `##` section can be a callout or the FAQ");
                }
                match (self.place, self.faq.as_mut(), self.sections.last_mut()) {
                    (Place::FaqHeading | Place::Question, Some(faq), _) => {
                        faq.items.push(FaqItem {
                            question: text,
                            id,
                            answer: Vec::new(),
                        });
                        self.place = Place::Question;
                    }
                    (Place::Section | Place::Subsection, _, Some(section)) => {
                        section.subsections.push(Subsection {
                            heading: text,
                            id,
                            body: Vec::new(),
                        });
                        self.place = Place::Subsection;
                    }
                    _ => self.error(at, "a `###` heading belongs under a `##` section"),
                }
            }
            HeadingLevel::H1 => self.error(
                at,
                "the title comes from the front matter: start sections with `##`",
            ),
            _ => self.error(at, "only `##` and `###` headings can be shown"),
        }
    }

    fn push_block(&mut self, at: usize, block: Block) {
        let target = match self.place {
            Place::Intro => Some(&mut self.intro),
            Place::Section => self.sections.last_mut().map(|s| &mut s.body),
            Place::Subsection => self
                .sections
                .last_mut()
                .and_then(|s| s.subsections.last_mut())
                .map(|s| &mut s.body),
            Place::Question => self
                .faq
                .as_mut()
                .and_then(|faq| faq.items.last_mut())
                .map(|item| &mut item.answer),
            Place::FaqHeading => None,
        };
        match target {
            Some(blocks) => blocks.push(block),
            None => self.error(
                at,
                "text under the FAQ heading belongs to a question: put a `###` question first",
            ),
        }
    }
}

/// A new article's Markdown, with its front matter filled in and the parts an article needs.
pub fn skeleton(title: &str, date: &str) -> String {
    let slug = readable_slug(title);
    let title = serde_json::to_string(title).unwrap_or_default();
    format!(
        "---\n\
         title: {title}\n\
         description: \"One or two sentences that search results show under the title.\"\n\
         date: {date}\n\
         category: \"Back Pain\"\n\
         hero:\n  \
           src: images/{slug}.svg\n  \
           alt: \"What the picture shows, for readers who cannot see it.\"\n  \
           width: 960\n  \
           height: 540\n\
         # author: alex-example              # ids of people in content/site.json\n\
         # medical_reviewer: sam-placeholder\n\
         # last_reviewed: {date}\n\
         # sources:\n\
         #   - title: \"What the article is based on\"\n\
         #     publisher: \"Who published it\"\n\
         #     year: 2026\n\
         #     url: https://www.example.com/\n\
         ---\n\
         \n\
         The introduction: a few sentences on what the reader will learn.\n\
         \n\
         ## The First Section\n\
         \n\
         Write paragraphs, **strong** and *emphasised* words, [links](https://www.example.com/)\n\
         and [booking links]({BOOKING_HREF}).\n\
         \n\
         ### A Part of the First Section\n\
         \n\
         - A list item.\n\
         - Another one.\n\
         \n\
         ## When to See a Doctor {{.callout}}\n\
         \n\
         The signs that need care soon.\n\
         \n\
         ## {FAQ_HEADING}\n\
         \n\
         ### A question readers ask?\n\
         \n\
         Its answer.\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "---\ntitle: A Test Article\ndescription: For tests.\ndate: 2026-02-03\n\
                         category: Tests\nhero:\n  src: images/x.svg\n  alt: A picture\n  \
                         width: 10\n  height: 5\n---\n";
    const FAQ: &str = "\n## Frequently Asked Questions\n\n### Why?\n\nBecause.\n";

    fn import_body(body: &str) -> Result<Article, Vec<MarkdownError>> {
        import(&format!("{FRONT}{body}{FAQ}"), Path::new("."))
    }

    /// The line and message of every mistake in `body` (placed after the front matter, which
    /// takes lines 1-11).
    fn mistakes(body: &str) -> Vec<(Option<usize>, String)> {
        import_body(body)
            .expect_err("a mistake")
            .into_iter()
            .map(|e| (e.line, e.message))
            .collect()
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
        let article = import(&format!("{front}{body}{FAQ}"), Path::new(".")).expect("valid");
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
        let article = import(&format!("{front}{body}{faq}"), Path::new(".")).expect("valid");
        assert_eq!(article.slug, "uber-ruckenschmerzen");
        assert_eq!(article.sections[0].id.as_deref(), Some("warme-oder-kalte"));
        assert_eq!(
            article.sections[1].id, None,
            "an ASCII heading's id needs no help"
        );
        assert_eq!(article.faq.items[0].id, None);
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

        // The importer reads the hero's when the front matter leaves it out.
        let site = tempfile::tempdir().expect("a folder");
        std::fs::create_dir(site.path().join("images")).expect("a folder");
        std::fs::write(
            site.path().join("images/x.svg"),
            svg("viewBox=\"0 0 960 540\""),
        )
        .expect("write");
        let front = FRONT.replace("  width: 10\n  height: 5\n", "");
        let body = "Intro.\n\n## A Section\n\nBody.\n";
        let article = import(&format!("{front}{body}{FAQ}"), site.path()).expect("valid");
        assert_eq!((article.hero.width, article.hero.height), (960, 540));
    }

    #[test]
    fn front_matter_intro_sections_and_faq_become_the_article() {
        let article = import_body(
            "Intro with **bold**, *soft* and [a link](https://example.com/a) and \
             [booking](booking:).\n\n## First {#kept-id}\n\nBody.\n\n### Sub\n\n- one\n- two\n\n\
             1. first\n2. second\n\n## Care {.callout}\n\nSee someone.\n",
        )
        .expect("valid");
        assert_eq!(article.slug, "a-test-article");
        assert_eq!(article.published, "2026-02-03");
        assert_eq!((article.hero.width, article.hero.height), (10, 5));
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
        assert_eq!(article.faq.heading, "Frequently Asked Questions");
        assert_eq!(article.faq.items[0].question, "Why?");
        assert_eq!(
            article.faq.items[0].answer,
            vec![Block::Paragraph(vec![text("Because.")])]
        );
    }

    #[test]
    fn a_soft_line_break_is_a_space() {
        let article = import_body("One line\nand the next.\n\n## S\n\nx\n").expect("valid");
        assert_eq!(
            article.intro,
            vec![Block::Paragraph(vec![text("One line and the next.")])]
        );
    }

    #[test]
    fn what_cannot_be_shown_is_an_error_with_its_line() {
        let cases = [
            (
                "![a picture](images/x.png)\n\n## S\n\nx\n",
                12,
                "images in the text",
            ),
            (
                "| a | b |\n|---|---|\n| 1 | 2 |\n\n## S\n\nx\n",
                12,
                "tables cannot be shown",
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

    #[test]
    fn a_section_after_the_faq_and_text_before_its_first_question_are_errors() {
        let markdown = format!("{FRONT}\n## S\n\nx\n{FAQ}\n## Late\n\ny\n");
        let errors = import(&markdown, Path::new(".")).expect_err("late section");
        assert!(errors[0]
            .message
            .contains("the FAQ is the article's last section"));
        let markdown = format!("{FRONT}\n## S\n\nx\n\n## Frequently Asked Questions\n\nLoose.\n");
        let errors = import(&markdown, Path::new(".")).expect_err("loose text");
        assert!(errors[0].message.contains("belongs to a question"));
    }

    #[test]
    fn front_matter_mistakes_name_their_line() {
        let errors = import("# No front matter\n", Path::new(".")).expect_err("none");
        assert_eq!(errors[0].line, Some(1));
        let bad = FRONT.replace("category: Tests\n", "category: Tests\ncolour: blue\n");
        let errors = import(&format!("{bad}## S\n\nx\n{FAQ}"), Path::new(".")).expect_err("key");
        assert_eq!(errors[0].line, Some(6), "{errors:?}");
        assert!(errors[0].message.contains("unknown field `colour`"));
    }

    #[test]
    fn the_content_rules_apply_to_an_imported_article() {
        let bad = FRONT.replace("date: 2026-02-03", "date: 2026-02-30");
        let errors = import(&format!("{bad}## S\n\nx\n{FAQ}"), Path::new(".")).expect_err("date");
        assert!(errors[0].message.starts_with("published: "), "{errors:?}");
    }

    #[test]
    fn a_new_article_skeleton_imports() {
        let article = import(&skeleton("My “New” Article", "2026-04-05"), Path::new("."))
            .expect("the skeleton is a valid article");
        assert_eq!(article.slug, "my-new-article");
        assert_eq!(article.title, "My “New” Article");
        assert!(article.sections[1].callout);
    }
}
