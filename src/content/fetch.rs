//! Loading content files in the browser.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;

use super::error::ContentError;
use super::load::parse;
use super::validate::Validate;

/// Fetches `file` (relative to the document's base address, so sub-path deploys work) and
/// reads it through the same types and rules as the native content tests.
pub async fn fetch_content<T>(file: &str) -> Result<T, ContentError>
where
    T: DeserializeOwned + Validate,
{
    let unavailable = |reason: String| ContentError::Unavailable {
        file: file.to_string(),
        reason,
    };
    let response = Request::get(file)
        .send()
        .await
        .map_err(|error| unavailable(error.to_string()))?;
    if !response.ok() {
        return Err(unavailable(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|error| unavailable(error.to_string()))?;
    parse(file, &text)
}
