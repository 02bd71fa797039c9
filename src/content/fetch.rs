//! Loading content files in the browser.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use super::error::ContentError;
use super::load::parse;
use super::validate::Validate;

/// Fetches `file` (relative to the document's base address, so sub-path deploys work), parses
/// it with the browser's own `JSON.parse` and checks it.
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
    let value = js_sys::JSON::parse(&text).map_err(|error| ContentError::Malformed {
        file: file.to_string(),
        reason: error
            .dyn_into::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_else(|_| "it is not JSON".to_string()),
    })?;
    parse(file, serde_wasm_bindgen::Deserializer::from(value))
}
