//! From parsed JSON to checked content. The browser parses with its own `JSON.parse`, native
//! tests with serde_json (whose syntax errors carry line and column); both then go through
//! the same types and rules here.

use super::error::ContentError;
use super::json::{Decode, Json};
use super::validate::{problems, Validate};

/// Content files, relative to the site's base address.
pub const SITE_FILE: &str = "content/site.json";
pub const INDEX_FILE: &str = "content/articles.json";

pub fn article_file(slug: &str) -> String {
    format!("content/articles/{slug}.json")
}

/// Reads `file`'s JSON as content and checks it, naming the failing field's path on any error.
pub fn parse<T: Decode + Validate>(file: &str, json: &Json) -> Result<T, ContentError> {
    let value = T::decode(json).map_err(|error| ContentError::Malformed {
        file: file.to_string(),
        reason: error.to_string(),
    })?;
    let problems = problems(&value);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(ContentError::Invalid {
            file: file.to_string(),
            problems,
        })
    }
}
