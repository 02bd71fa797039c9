//! Loading content files in the browser.

use js_sys::{Array, Object};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use super::error::ContentError;
use super::json::{Decode, Json};
use super::load::parse;
use super::validate::Validate;

/// Fetches `file` (relative to the document's base address, so sub-path deploys work), has
/// the browser parse it as JSON, and checks it.
pub async fn fetch_content<T>(file: &str) -> Result<T, ContentError>
where
    T: Decode + Validate,
{
    let unavailable = |reason: String| ContentError::Unavailable {
        file: file.to_string(),
        reason,
    };
    let response: Response = JsFuture::from(window().fetch_with_str(file))
        .await
        .map_err(|error| unavailable(message(error)))?
        .unchecked_into();
    if !response.ok() {
        return Err(unavailable(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let body = response
        .json()
        .map_err(|error| unavailable(message(error)))?;
    let value = JsFuture::from(body).await.map_err(|error| {
        if error.is_instance_of::<js_sys::SyntaxError>() {
            ContentError::Malformed {
                file: file.to_string(),
                reason: message(error),
            }
        } else {
            unavailable(message(error))
        }
    })?;
    parse(file, &from_js(&value))
}

/// What a browser error says, such as "Failed to fetch" or JSON's syntax error.
fn message(error: JsValue) -> String {
    error
        .dyn_into::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|_| "the browser gave no reason".to_string())
}

/// The tree of what the browser's JSON parser returned. Only JSON's own kinds can occur in it.
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
