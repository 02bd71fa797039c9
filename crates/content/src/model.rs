//! The typed content model, read from JSON by serde. Every object refuses unknown fields, so
//! a typo in a JSON key is an error with its path instead of a silently missing paragraph.
//!
//! Outside the browser the same types also write JSON (the Markdown reader) and describe
//! themselves as JSON Schema for editors (`content::schema`); the doc comments below are the
//! descriptions editors see.

use serde::{Deserialize, Serialize};

use crate::language::{same_language, DEFAULT_LANGUAGE};

/// What editors' tools check a few fields against (the rules in `validate.rs` decide).
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
pub const HREF_PATTERN: &str =
    r"^([hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]|[tT][eE][lL]):\S+$|^/(?![/\\])\S*$";
pub const SITE_FILE_PATTERN: &str = r"^(?!(.*/)?\.\.?(/|$))[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$";

/// `content/site.json`: what a clinic sets once for the whole site.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    /// Where editors' tools find this file's JSON Schema; the site ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The clinic's name, in the header, the footer and the page title.
    pub clinic_name: String,
    /// The language the site's articles are written in unless one says otherwise, as a
    /// BCP 47 tag: "en" (English, when this is left out), "es" (Spanish), "ar" (Arabic),
    /// "pt-BR" (Portuguese as written in Brazil).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::language::LANGUAGE_TAG_PATTERN)))]
    pub language: Option<String>,
    /// Where the site is published, ending in `/` (with any sub-path): canonical addresses,
    /// social cards and the sitemap start from it.
    pub site_url: String,
    /// The clinic's phone number, for the header's "Call Us".
    pub phone: Phone,
    /// Where "Book Now" and every booking link in the content go.
    pub booking_url: String,
    /// The announcement banner above the header, as rich text.
    pub announcement: Vec<Inline>,
    /// The note at the end of every article: that it supports, and does not replace, advice
    /// from the reader's own clinician.
    pub disclaimer: String,
    /// Where related posts live: a post's address is this followed by its slug. Without it
    /// related posts are listed as plain titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub related_posts_base_url: Option<String>,
    /// The clinic's postal address: the footer shows it with the phone number, as the
    /// publisher of every page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    /// Where the clinic's editorial policy is: how its articles are written, checked and kept
    /// up to date. Linked from the footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub editorial_policy_url: Option<String>,
    /// Where a reader reports a mistake in an article: a `mailto:` address (the message's
    /// subject then names the article) or a web form's `https:` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub report_mistake_url: Option<String>,
    /// How many months after its last review an article is due for the next one, unless the
    /// article gives its own `next_review` date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval_months: Option<u32>,
    /// The clinic's authors and medical reviewers. Articles name them by `id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The categories articles are filed under, e.g. "Back Pain": the editors' page offers
    /// them as choices, and an article's category must be one of them. With none listed, an
    /// article may have any category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The clinic's own texts in other languages: a page in one of them shows each text
    /// given there in place of the one above (the announcement, the disclaimer, the
    /// editorial links).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_languages: Vec<SiteTexts>,
}

/// The clinic's own texts in one language. Each left out is the site's.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SiteTexts {
    /// The language, as a BCP 47 tag ("es"): the texts serve every page in it ("es-MX" too).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::language::LANGUAGE_TAG_PATTERN)))]
    pub lang: String,
    /// The announcement banner in this language, as rich text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announcement: Option<Vec<Inline>>,
    /// The note at the end of every article, in this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<String>,
    /// The editorial policy written in this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub editorial_policy_url: Option<String>,
    /// Where a reader of this language reports a mistake.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub report_mistake_url: Option<String>,
}

/// Where the clinic is, as a letter would be addressed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PostalAddress {
    /// The street and number, e.g. "100 Example Avenue, Suite 5".
    pub street: String,
    /// The town or city.
    pub locality: String,
    /// The state, county or region, where addresses use one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The postal code.
    pub postal_code: String,
    /// The country, as a two-letter code such as "US".
    pub country: String,
}

/// Someone who writes or medically reviews the clinic's articles.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// How articles name this person, e.g. "jane-doe".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub id: String,
    /// The name as readers see it, e.g. "Dr. Jane Doe".
    pub name: String,
    /// Qualifications shown after the name, e.g. "MD, board-certified in pain medicine".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<String>,
    /// The person's role at the clinic, e.g. "Pain medicine physician".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A site-relative photo, e.g. `images/people/jane-doe.jpg`, shown small beside the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SITE_FILE_PATTERN)))]
    pub photo: Option<String>,
    /// A page about the person, which their name links to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub profile_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// As a patient reads it, e.g. "(212) 555-0147".
    pub display: String,
    /// As a phone dials it, e.g. "+12125550147"; the link is `tel:` followed by this.
    pub dial: String,
}

/// `content/articles.json`: which articles exist and which one the home page shows.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleIndex {
    /// Where editors' tools find this file's JSON Schema; the site ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The slug of the article shown at `/`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub home: String,
    /// Every article of the site, each with a file `articles/<slug>.json`.
    pub articles: Vec<ArticleSummary>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleSummary {
    /// The article's address segment and file name: `articles/<slug>` and
    /// `content/articles/<slug>.json`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub slug: String,
    /// The article's title, as in its file.
    pub title: String,
}

/// `content/articles/<slug>.json`: one article.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Where editors' tools find this file's JSON Schema; the site ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The address segment, `articles/<slug>`, and the file name; lower-case words joined
    /// by hyphens.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub slug: String,
    /// The page's one `h1`.
    pub title: String,
    /// The language the article is written in, as a BCP 47 tag such as "es" or "ar": the
    /// site's `language` when left out. Screen readers, read aloud and search follow it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::language::LANGUAGE_TAG_PATTERN)))]
    pub lang: Option<String>,
    /// The slug of the article this one translates, written in another language: the two
    /// pages then link to each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub translation_of: Option<String>,
    /// Other names a reader may look for it by (another name for the condition, a common
    /// spelling, an abbreviation): the A to Z lists each, pointing to this article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_called: Vec<String>,
    /// The meta description: what search results show under the title.
    pub description: String,
    /// Shown above the title, e.g. "Back Pain".
    pub category: String,
    /// The publication date as `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = DATE_PATTERN)))]
    pub published: String,
    /// The picture under the title, when the article has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Hero>,
    /// The article's gist in a few plain sentences, shown first under "Key points", for
    /// readers who want it before the detail. Write them so that a 12-year-old can follow:
    /// a test holds each article's to a Flesch-Kincaid grade of 8 or below.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<String>,
    /// Paragraphs before the first section heading. An article has an introduction, sections
    /// or both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<Block>,
    /// The article's sections, each under an `h2`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The questions and answers at the end, when the article has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faq: Option<Faq>,
    /// Other articles of the clinic, listed after the FAQ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedPost>,
    /// Who wrote the article: the `id` of one of the site's `people`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub author: Option<String>,
    /// Who checked it medically: the `id` of one of the site's `people`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub medical_reviewer: Option<String>,
    /// When it was last medically reviewed, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = DATE_PATTERN)))]
    pub last_reviewed: Option<String>,
    /// When the next review is due, as `YYYY-MM-DD`. Without it, the site's
    /// `review_interval_months` after `last_reviewed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = DATE_PATTERN)))]
    pub next_review: Option<String>,
    /// What the article is based on, listed by number at its end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The latest change that matters to a reader, and when it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Update>,
    /// Where the article was before (on the blog it came from, or before its address
    /// changed), as paths of this site: `/2024/05/14/desk-stretches/`, `/?p=101`. Each
    /// leads here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub old_addresses: Vec<String>,
}

/// A publication the article is based on.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Its title, e.g. "Low back pain and sciatica in over 16s".
    pub title: String,
    /// Who published it, e.g. "National Institute for Health and Care Excellence".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The year it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Where to read it: an `https:` or `http:` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub url: Option<String>,
}

/// A change to an article since it was published.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// When it changed, as `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = DATE_PATTERN)))]
    pub date: String,
    /// What changed, in a sentence, e.g. "Added advice on sleeping positions."
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hero {
    /// A site-relative image file, e.g. `images/upper-back-relief.svg`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SITE_FILE_PATTERN)))]
    pub image: String,
    /// What the picture shows, for readers who cannot see it.
    pub alt: String,
    /// The image's width in pixels: with the height, it keeps the room for the picture
    /// before it loads.
    pub width: u32,
    /// The image's height in pixels.
    pub height: u32,
    /// A PNG or JPEG of the hero for link previews, ideally 1200x630: social networks do not
    /// show SVG. Without it, previews use `image`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SITE_FILE_PATTERN)))]
    pub share_image: Option<String>,
}

/// A top-level section: an `h2` with its blocks and its `h3` subsections.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's `h2`.
    pub heading: String,
    /// Overrides the id derived from the heading, to keep an old deep link working.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub id: Option<String>,
    /// Shown as a callout: for the parts that tell a patient when to get care.
    #[serde(default, skip_serializing_if = "is_false")]
    pub callout: bool,
    /// The text under the heading, before any subsection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
    /// Parts of the section, each under an `h3`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsections: Vec<Subsection>,
}

/// An `h3` with its blocks.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    /// The subsection's `h3`.
    pub heading: String,
    /// Overrides the id derived from the heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub id: Option<String>,
    /// The subsection's text.
    pub body: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
/// A paragraph, a list, a table or a picture: `{"paragraph": [spans]}`,
/// `{"list": [[spans], …]}`, `{"numbered_list": [[spans], …]}`, `{"table": {…}}` or
/// `{"figure": {…}}`.
pub enum Block {
    /// A paragraph of rich text.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is rich text.
    List(Vec<Vec<Inline>>),
    /// A numbered list, for steps in order; each item is rich text.
    NumberedList(Vec<Vec<Inline>>),
    /// A simple table: a header row and rows of cells.
    Table(Table),
    /// A picture inside the text, with its caption.
    Figure(Figure),
}

/// A table of a header row and rows, each row with one cell per column.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// What the table shows, read before its cells, e.g. "Heat or ice: which to use when".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The name of each column, as plain text; an empty name leaves its corner blank.
    pub header: Vec<String>,
    /// The rows, each with one cell of rich text per column (a cell may be empty).
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// A picture in the text, shown at the width of the text and loaded as the reader nears it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// A site-relative image file, e.g. `images/stretch.jpg`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SITE_FILE_PATTERN)))]
    pub image: String,
    /// What the picture shows, for readers who cannot see it.
    pub alt: String,
    /// The image's width in pixels: with the height, it keeps the picture's room before it
    /// loads.
    pub width: u32,
    /// The image's height in pixels.
    pub height: u32,
    /// The words shown under the picture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// A run of text inside a paragraph. Content is data, never markup: each kind is rendered as
/// its own element and the text is always set as text.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
/// One span: `{"text": …}`, `{"strong": …}`, `{"emphasis": …}`, `{"link": {"text": …,
/// "href": …}}` or `{"booking_link": …}`.
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Text in bold, for what matters most.
    Strong(String),
    /// Text in italics.
    Emphasis(String),
    /// A link: https:, http:, mailto:, tel: or a path on this site starting with /.
    Link(Link),
    /// A link to the clinic's booking address from the site settings.
    BookingLink(String),
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The words a reader clicks.
    pub text: String,
    /// Where the link goes.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = HREF_PATTERN)))]
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The FAQ's `h2`, e.g. "FAQs".
    pub heading: String,
    /// The questions, each with its answer.
    pub items: Vec<FaqItem>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FaqItem {
    /// The question, shown as a button that opens its answer.
    pub question: String,
    /// Overrides the id derived from the question.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub id: Option<String>,
    /// The answer's text.
    pub answer: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RelatedPost {
    /// The other article's title.
    pub title: String,
    /// Its address segment: with `related_posts_base_url` set, the link goes to that
    /// address followed by this.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = SLUG_PATTERN)))]
    pub slug: String,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Inline {
    /// The words a reader sees.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(text)
            | Inline::Strong(text)
            | Inline::Emphasis(text)
            | Inline::BookingLink(text) => text,
            Inline::Link(link) => &link.text,
        }
    }
}

/// The plain text of a run of rich text.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::text).collect()
}

impl Block {
    /// Each paragraph, list item, caption and table cell as plain text, in reading order.
    pub fn texts(&self) -> Vec<String> {
        match self {
            Block::Paragraph(inlines) => vec![plain_text(inlines)],
            Block::List(items) | Block::NumberedList(items) => {
                items.iter().map(|item| plain_text(item)).collect()
            }
            Block::Table(table) => table
                .caption
                .iter()
                .chain(&table.header)
                .cloned()
                .chain(table.rows.iter().flatten().map(|cell| plain_text(cell)))
                .filter(|text| !text.is_empty())
                .collect(),
            Block::Figure(figure) => figure.caption.iter().cloned().collect(),
        }
    }
}

impl Article {
    /// Every block of the article body (intro, sections, subsections) in reading order.
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.intro
            .iter()
            .chain(self.sections.iter().flat_map(|section| {
                section
                    .body
                    .iter()
                    .chain(section.subsections.iter().flat_map(|sub| sub.body.iter()))
            }))
    }
}

impl Article {
    /// The estimated minutes to read the body.
    pub fn reading_minutes(&self) -> usize {
        let words = self
            .body_blocks()
            .flat_map(|block| block.texts())
            .map(|text| crate::text::word_count(&text))
            .sum();
        crate::text::reading_minutes(words)
    }
}

impl Source {
    /// Who published it and when, as a citation gives them: "A Health Service, 2024".
    pub fn details(&self) -> Option<String> {
        let parts: Vec<String> = self
            .publisher
            .iter()
            .cloned()
            .chain(self.year.map(|year| year.to_string()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

impl Hero {
    /// The image link previews show.
    pub fn share_image(&self) -> &str {
        self.share_image.as_deref().unwrap_or(&self.image)
    }
}

/// The path segment that article addresses live under: `articles/<slug>/`.
pub const ARTICLES_SEGMENT: &str = "articles";

/// An article's path relative to the site's base: a folder, whose `index.html` every static
/// host serves at that address.
pub fn article_path(slug: &str) -> String {
    format!("{ARTICLES_SEGMENT}/{slug}/")
}

impl SiteSettings {
    /// The language of the site's pages, and of its articles unless one says otherwise.
    pub fn language(&self) -> &str {
        self.language.as_deref().unwrap_or(DEFAULT_LANGUAGE)
    }

    /// The settings as a page in the language `lang` shows them: the clinic's texts given
    /// for that language (its tag, or else its primary language) in place of the site's.
    pub fn in_language(&self, lang: &str) -> SiteSettings {
        let mut site = self.clone();
        if let Some(texts) = self.texts_in(lang) {
            if let Some(announcement) = &texts.announcement {
                site.announcement = announcement.clone();
            }
            if let Some(disclaimer) = &texts.disclaimer {
                site.disclaimer = disclaimer.clone();
            }
            if texts.editorial_policy_url.is_some() {
                site.editorial_policy_url = texts.editorial_policy_url.clone();
            }
            if texts.report_mistake_url.is_some() {
                site.report_mistake_url = texts.report_mistake_url.clone();
            }
        }
        site
    }

    /// The clinic's texts given for the language `lang`: for its tag, or else its primary
    /// language.
    fn texts_in(&self, lang: &str) -> Option<&SiteTexts> {
        (self.in_languages.iter().find(|texts| texts.lang == lang))
            .or_else(|| (self.in_languages.iter()).find(|texts| same_language(&texts.lang, lang)))
    }

    /// The language a page in `lang` shows one of the clinic's texts in (the one `given`
    /// says a [`SiteTexts`] has): `lang` where `in_languages` gives it, the site's otherwise.
    pub fn language_of_text<'a>(
        &'a self,
        lang: &'a str,
        given: impl Fn(&SiteTexts) -> bool,
    ) -> &'a str {
        match self.texts_in(lang) {
            Some(texts) if given(texts) => lang,
            _ => self.language(),
        }
    }

    /// The language `article` is written in.
    pub fn language_of<'a>(&'a self, article: &'a Article) -> &'a str {
        article.lang.as_deref().unwrap_or_else(|| self.language())
    }

    /// The canonical address of an article.
    pub fn article_url(&self, slug: &str) -> String {
        format!("{}{}", self.site_url, article_path(slug))
    }

    /// The absolute address of a file or page of the site, such as `images/hero.svg` or
    /// `articles/`.
    pub fn file_url(&self, file: &str) -> String {
        format!("{}{file}", self.site_url)
    }

    pub fn phone_href(&self) -> String {
        format!("tel:{}", self.phone.dial)
    }

    /// The address of a related post, when the site says where related posts live.
    pub fn related_post_url(&self, post: &RelatedPost) -> Option<String> {
        self.related_posts_base_url
            .as_ref()
            .map(|base| format!("{}{}", base, post.slug))
    }
}
