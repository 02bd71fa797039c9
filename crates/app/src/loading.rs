//! Loading content files in the browser.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

use crate::contract::SAVED_COPY_HEADER;
use clinic_content::load::parse;
use clinic_content::search::{SearchIndex, SEARCH_INDEX_FILE};
use clinic_content::validate::Validate;
use clinic_content::ContentError;

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
    let response = fetch_ok(file).await?;
    let from_saved_copy = response.headers().has(SAVED_COPY_HEADER);
    let text = response
        .text()
        .await
        .map_err(|error| unavailable(file, error.to_string()))?;
    Ok(Fetched {
        content: parse(file, &text)?,
        from_saved_copy,
    })
}

/// Fetches the search index the build wrote.
pub async fn fetch_search_index() -> Result<SearchIndex, ContentError> {
    let file = SEARCH_INDEX_FILE;
    let bytes = fetch_ok(file)
        .await?
        .binary()
        .await
        .map_err(|error| unavailable(file, error.to_string()))?;
    SearchIndex::from_bytes(&bytes).map_err(|reason| ContentError::Malformed {
        file: file.to_string(),
        reason,
        at: None,
    })
}

/// The response for `file`, when the server answered it.
async fn fetch_ok(file: &str) -> Result<Response, ContentError> {
    let response = Request::get(file)
        .send()
        .await
        .map_err(|error| unavailable(file, error.to_string()))?;
    if !response.ok() {
        return Err(unavailable(
            file,
            format!(
                "the server answered {} {}",
                response.status(),
                response.status_text()
            ),
        ));
    }
    Ok(response)
}

fn unavailable(file: &str, reason: String) -> ContentError {
    ContentError::Unavailable {
        file: file.to_string(),
        reason,
    }
}
