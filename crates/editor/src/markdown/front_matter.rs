//! An article's front matter: the YAML between its two `---` lines, read into its fields.

use serde::Deserialize;

use clinic_content::model::{RelatedPost, Source, Update};

use super::MarkdownError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrontMatter {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) date: String,
    pub(super) category: String,
    pub(super) hero: HeroMatter,
    #[serde(default)]
    pub(super) slug: Option<String>,
    #[serde(default)]
    pub(super) related: Vec<RelatedPost>,
    #[serde(default)]
    pub(super) key_points: Vec<String>,
    #[serde(default)]
    pub(super) author: Option<String>,
    #[serde(default)]
    pub(super) medical_reviewer: Option<String>,
    #[serde(default)]
    pub(super) last_reviewed: Option<String>,
    #[serde(default)]
    pub(super) next_review: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<Source>,
    #[serde(default)]
    pub(super) updated: Option<Update>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HeroMatter {
    pub(super) src: String,
    pub(super) alt: String,
    #[serde(default)]
    pub(super) width: Option<u32>,
    #[serde(default)]
    pub(super) height: Option<u32>,
    #[serde(default)]
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
