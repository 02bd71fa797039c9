//! The typed content model, read from JSON by serde. Every object refuses unknown fields, so
//! a typo in a JSON key is an error with its path instead of a silently missing paragraph.

use serde::Deserialize;

/// `content/site.json`: what a clinic sets once for the whole site.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    pub clinic_name: String,
    /// Where the site is published, ending in `/` (with any sub-path): canonical addresses,
    /// social cards and the sitemap start from it.
    pub site_url: String,
    pub phone: Phone,
    /// Where "Book Now" and every booking link in the content go.
    pub booking_url: String,
    /// The announcement banner above the header, as rich text.
    pub announcement: Vec<Inline>,
    /// The one-line note in the footer.
    pub disclaimer: String,
    /// Where related posts live: a post's address is this followed by its slug. Without it
    /// related posts are listed as plain titles.
    pub related_posts_base_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// As a patient reads it, e.g. "(212) 555-0147".
    pub display: String,
    /// As a phone dials it, e.g. "+12125550147"; the link is `tel:` followed by this.
    pub dial: String,
}

/// `content/articles.json`: which articles exist and which one the home page shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleIndex {
    /// The slug of the article shown at `/`.
    pub home: String,
    pub articles: Vec<ArticleSummary>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleSummary {
    /// The article's address segment and file name: `articles/<slug>` and
    /// `content/articles/<slug>.json`.
    pub slug: String,
    pub title: String,
}

/// `content/articles/<slug>.json`: one article.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub slug: String,
    pub title: String,
    /// The meta description: what search results show under the title.
    pub description: String,
    pub category: String,
    /// The publication date as `YYYY-MM-DD`.
    pub published: String,
    pub hero: Hero,
    /// Paragraphs before the first section heading.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    pub faq: Faq,
    #[serde(default)]
    pub related: Vec<RelatedPost>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hero {
    /// A site-relative image file, e.g. `images/upper-back-relief.svg`.
    pub image: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    /// A PNG or JPEG of the hero for link previews, ideally 1200x630: social networks do not
    /// show SVG. Without it, previews use `image`.
    pub share_image: Option<String>,
}

/// A top-level section: an `h2` with its blocks and its `h3` subsections.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    /// Overrides the id derived from the heading, to keep an old deep link working.
    pub id: Option<String>,
    /// Shown as a callout: for the parts that tell a patient when to get care.
    #[serde(default)]
    pub callout: bool,
    #[serde(default)]
    pub body: Vec<Block>,
    #[serde(default)]
    pub subsections: Vec<Subsection>,
}

/// An `h3` with its blocks.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub heading: String,
    pub id: Option<String>,
    pub body: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is rich text.
    List(Vec<Vec<Inline>>),
}

/// A run of text inside a paragraph. Content is data, never markup: each kind is rendered as
/// its own element and the text is always set as text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Link(Link),
    /// A link to the clinic's booking address from the site settings.
    BookingLink(String),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub text: String,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub heading: String,
    pub items: Vec<FaqItem>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqItem {
    pub question: String,
    /// Overrides the id derived from the question.
    pub id: Option<String>,
    pub answer: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedPost {
    pub title: String,
    pub slug: String,
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
    /// Each paragraph or list item as plain text, in reading order.
    pub fn texts(&self) -> Vec<String> {
        match self {
            Block::Paragraph(inlines) => vec![plain_text(inlines)],
            Block::List(items) => items.iter().map(|item| plain_text(item)).collect(),
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

impl Hero {
    /// The image link previews show.
    pub fn share_image(&self) -> &str {
        self.share_image.as_deref().unwrap_or(&self.image)
    }
}

impl SiteSettings {
    /// The canonical address of an article.
    pub fn article_url(&self, slug: &str) -> String {
        format!("{}articles/{slug}", self.site_url)
    }

    /// The absolute address of a file of the site, such as `images/hero.svg`.
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
