//! An article's front matter: the YAML between its two `---` lines, read into its fields.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use clinic_content::language::LANGUAGE_TAG_PATTERN;
use clinic_content::model::{
    Article, RelatedPost, Source, Update, DATE_PATTERN, SITE_FILE_PATTERN, SLUG_PATTERN,
};

use super::MarkdownError;

/// What an article says about itself, before its text. The doc comments are the hints the
/// editors' page shows beside each field (`crate::cms`); what is not given is not written.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The article's title, as readers see it at the top of the page and in search results.
    pub(super) title: String,
    /// One or two sentences on what the article covers: search engines and link previews
    /// show it under the title.
    pub(super) description: String,
    /// The day the article was first published.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub(super) date: String,
    /// The category the library files the article under.
    pub(super) category: String,
    /// The picture at the top of the article, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) hero: Option<HeroMatter>,
    /// The article's address, `articles/<slug>/`: leave it empty to make it from the title.
    /// Once published, keep it: links to the article use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub(super) slug: Option<String>,
    /// Other articles readers may want next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) related: Vec<RelatedPost>,
    /// The gist in a few plain sentences, shown first (grade 8 reading level or below).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) key_points: Vec<String>,
    /// Who wrote the article: one of the people in the site settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) author: Option<String>,
    /// Who checked the article medically: one of the people in the site settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) medical_reviewer: Option<String>,
    /// The day the article was last checked medically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub(super) last_reviewed: Option<String>,
    /// The day the next medical review is due, if not the site's usual interval after the
    /// last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub(super) next_review: Option<String>,
    /// The publications the article is based on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) sources: Vec<Source>,
    /// The latest change that matters to a reader, and when it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) updated: Option<Update>,
    /// Where the article was before, as paths of this site (`/2024/05/14/desk-stretches/`,
    /// `/?p=101`): links to those addresses lead here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) old_addresses: Vec<String>,
    /// Other names a reader may look for the article by: the A to Z lists each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) also_called: Vec<String>,
    /// The language the article is written in, as a short code: "es" for Spanish, "ar" for
    /// Arabic, "vi" for Vietnamese. Leave it empty for the site's own language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = LANGUAGE_TAG_PATTERN))]
    pub(super) lang: Option<String>,
    /// When the article translates another one of the site: that article's address
    /// (its slug). The two then link to each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = SLUG_PATTERN))]
    pub(super) translation_of: Option<String>,
}

impl FrontMatter {
    /// The front matter that reads as `article`'s (its text aside).
    pub(super) fn of(article: &Article) -> Self {
        FrontMatter {
            title: article.title.clone(),
            description: article.description.clone(),
            date: article.published.clone(),
            category: article.category.clone(),
            hero: article.hero.as_ref().map(|hero| HeroMatter {
                src: hero.image.clone(),
                alt: hero.alt.clone(),
                width: Some(hero.width),
                height: Some(hero.height),
                share_image: hero.share_image.clone(),
            }),
            slug: Some(article.slug.clone()),
            related: article.related.clone(),
            key_points: article.key_points.clone(),
            author: article.author.clone(),
            medical_reviewer: article.medical_reviewer.clone(),
            last_reviewed: article.last_reviewed.clone(),
            next_review: article.next_review.clone(),
            sources: article.sources.clone(),
            updated: article.updated.clone(),
            old_addresses: article.old_addresses.clone(),
            also_called: article.also_called.clone(),
            lang: article.lang.clone(),
            translation_of: article.translation_of.clone(),
        }
    }
}

/// The picture at the top of the article.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct HeroMatter {
    /// The picture: an image in `public/images/`.
    #[schemars(regex(pattern = SITE_FILE_PATTERN))]
    pub(super) src: String,
    /// What the picture shows, for readers who cannot see it.
    pub(super) alt: String,
    /// The picture's width in pixels: leave it empty to read it from the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) width: Option<u32>,
    /// The picture's height in pixels: leave it empty to read it from the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) height: Option<u32>,
    /// A PNG or JPEG of the picture for link previews, ideally 1200x630 (social networks do
    /// not show SVG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = SITE_FILE_PATTERN))]
    pub(super) share_image: Option<String>,
}

/// The front matter's text, the body's text, and the line the body starts on.
pub(super) fn split_front_matter(markdown: &str) -> Result<(&str, &str, usize), MarkdownError> {
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
