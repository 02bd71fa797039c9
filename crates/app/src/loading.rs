//! Loading content files in the browser.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

use crate::contract::SAVED_COPY_HEADER;
use clinic_content::load::{parse, PROBLEMS_FILE};
use clinic_content::validate::Validate;
use clinic_content::ContentError;

/// For a page (or a file) shown from the copy saved on the device, the day that copy was
/// saved (`YYYY-MM-DD`, empty when the copy does not say); `None` when it came from the
/// network. The page view provides it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedOn(pub Option<String>);

impl SavedOn {
    /// A page of several files is as old as its oldest.
    pub fn and(self, other: SavedOn) -> SavedOn {
        match (self.0, other.0) {
            (Some(one), Some(other)) => SavedOn(Some(one.min(other))),
            (one, other) => SavedOn(one.or(other)),
        }
    }

    pub fn is_saved_copy(&self) -> bool {
        self.0.is_some()
    }
}

/// A content file, and when it came from the copy saved on the device (the network being
/// unreachable), the day that copy was saved.
pub struct Fetched<T> {
    pub content: T,
    pub saved_on: SavedOn,
}

/// Fetches `file` (relative to the document's base address, so sub-path deploys work) and
/// reads it through the same types and rules as the native content tests.
pub async fn fetch_content<T>(file: &str) -> Result<Fetched<T>, ContentError>
where
    T: DeserializeOwned + Validate,
{
    let response = fetch_ok(file).await?;
    let saved_on = saved_on(&response);
    let text = response
        .text()
        .await
        .map_err(|error| unavailable(file, error.to_string()))?;
    Ok(Fetched {
        content: parse(file, &text)?,
        saved_on,
    })
}

/// The day the copy answering was saved on the device, as the service worker marks it.
fn saved_on(response: &Response) -> SavedOn {
    SavedOn(response.headers().get(SAVED_COPY_HEADER))
}

/// The mistakes a development build found in the content (`PROBLEMS_FILE`); none when it
/// found none, or when this is not such a build.
pub async fn fetch_build_problems() -> Vec<String> {
    let Ok(response) = fetch_ok(PROBLEMS_FILE).await else {
        return Vec::new();
    };
    let text = response.text().await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

/// The bytes of `file`, and when they came from the copy saved on the device, its day.
pub async fn fetch_bytes(file: &str) -> Result<(Vec<u8>, SavedOn), ContentError> {
    let response = fetch_ok(file).await?;
    let saved_on = saved_on(&response);
    let bytes = response
        .binary()
        .await
        .map_err(|error| unavailable(file, error.to_string()))?;
    Ok((bytes, saved_on))
}

/// The error for `file` that is not what it should be, and why.
pub fn malformed(file: &str, reason: String) -> ContentError {
    ContentError::Malformed {
        file: file.to_string(),
        reason,
        at: None,
    }
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
