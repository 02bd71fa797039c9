//! Loading content files in the browser.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;

use super::error::ContentError;
use super::load::parse;
use super::validate::Validate;
use crate::contract::SAVED_COPY_HEADER;

/// A content file, and whether it came from the copy saved on the device (the network being
/// unreachable).
pub struct Fetched<T> {
    pub content: T,
    pub from_saved_copy: bool,
}

/// Fetches `file` (relative to the document's base address, so sub-path deploys work) and
/// reads it through the same types and rules as the native content tests.
pub async fn fetch_content<T>(file: &str) -> Result<Fetched<T>, ContentError>
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
    let from_saved_copy = response.headers().has(SAVED_COPY_HEADER);
    let text = response
        .text()
        .await
        .map_err(|error| unavailable(error.to_string()))?;
    Ok(Fetched {
        content: parse(file, &text)?,
        from_saved_copy,
    })
}
