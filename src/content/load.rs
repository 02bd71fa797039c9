//! From bytes to checked content. Parsing is generic over the serde deserializer: the browser
//! hands us its own `JSON.parse` result (no JSON parser in the wasm), native tests use
//! serde_json (whose errors carry line and column). Both go through the same types and rules.

use serde::de::DeserializeOwned;
use serde::Deserializer;

use super::error::ContentError;
use super::validate::{problems, Validate};

/// Content files, relative to the site's base address.
pub const SITE_FILE: &str = "content/site.json";
pub const INDEX_FILE: &str = "content/articles.json";

pub fn article_file(slug: &str) -> String {
    format!("content/articles/{slug}.json")
}

/// Deserializes `file` and checks it, naming the failing field's path on any error.
pub fn parse<'de, T, D>(file: &str, deserializer: D) -> Result<T, ContentError>
where
    T: DeserializeOwned + Validate,
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let value: T = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let reason = if path == "." {
            error.inner().to_string()
        } else {
            format!("{path}: {}", error.inner())
        };
        ContentError::Malformed {
            file: file.to_string(),
            reason,
        }
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
