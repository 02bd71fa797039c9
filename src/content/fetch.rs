//! Loading content files in the browser.

use gloo_net::http::Request;
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use super::error::ContentError;
use super::json::{Decode, Json};
use super::load::parse;
use super::validate::Validate;

/// Fetches `file` (relative to the document's base address, so sub-path deploys work), parses
/// it with the browser's own `JSON.parse` and checks it.
pub async fn fetch_content<T>(file: &str) -> Result<T, ContentError>
where
    T: Decode + Validate,
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
    parse(file, &from_js(&value))
}

/// The tree of what `JSON.parse` returned. Only JSON's own kinds can occur in it.
fn from_js(value: &JsValue) -> Json {
    if let Some(flag) = value.as_bool() {
        Json::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        Json::Number(number)
    } else if let Some(text) = value.as_string() {
        Json::String(text)
    } else if Array::is_array(value) {
        Json::Array(
            Array::from(value)
                .iter()
                .map(|item| from_js(&item))
                .collect(),
        )
    } else if value.is_object() {
        let entries = Object::entries(value.unchecked_ref());
        Json::Object(
            entries
                .iter()
                .map(|entry| {
                    let entry = Array::from(&entry);
                    (
                        entry.get(0).as_string().unwrap_or_default(),
                        from_js(&entry.get(1)),
                    )
                })
                .collect(),
        )
    } else {
        Json::Null
    }
}
