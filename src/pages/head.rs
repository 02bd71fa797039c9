//! What a page tells browsers, search engines and social networks in `<head>`: its title,
//! description, canonical address, sharing card and structured data.
//!
//! A few DOM calls instead of leptos_meta, whose per-tag components cost about 5 KiB of
//! gzipped wasm for what is, in a client-rendered page, a one-off write.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// One element for `<head>`.
pub struct HeadTag {
    element: &'static str,
    attributes: Vec<(&'static str, String)>,
    text: Option<String>,
}

impl HeadTag {
    /// `<meta name=…>`, as search engines and Twitter read it.
    pub fn named(name: &'static str, content: impl Into<String>) -> Self {
        Self::meta("name", name, content.into())
    }

    /// `<meta property=…>`, as Open Graph readers (Facebook, LinkedIn…) read it.
    pub fn property(property: &'static str, content: impl Into<String>) -> Self {
        Self::meta("property", property, content.into())
    }

    fn meta(key: &'static str, name: &'static str, content: String) -> Self {
        HeadTag {
            element: "meta",
            attributes: vec![(key, name.to_string()), ("content", content)],
            text: None,
        }
    }

    pub fn link(rel: &'static str, href: String) -> Self {
        HeadTag {
            element: "link",
            attributes: vec![("rel", rel.to_string()), ("href", href)],
            text: None,
        }
    }

    /// A script that is data, never run: JSON-LD.
    pub fn json_ld(json: String) -> Self {
        HeadTag {
            element: "script",
            attributes: vec![("type", "application/ld+json".to_string())],
            text: Some(json),
        }
    }
}

/// The attribute on every element a page adds to `<head>`. `tools/prerender.mjs` copies them
/// into `index.html`, for readers of the home page that run no JavaScript (link previews).
const PAGE_HEAD: &str = "data-page-head";

/// Sets the document title and adds `tags` to `<head>` for as long as the calling page is
/// shown, in place of any that `index.html` carries. Text is set as text, never parsed as
/// markup.
pub fn set_document_head(title: &str, tags: Vec<HeadTag>) {
    let document = document();
    document.set_title(title);
    let Some(head) = document.head() else {
        return;
    };
    while let Ok(Some(carried)) = head.query_selector(&format!("[{PAGE_HEAD}]")) {
        carried.remove();
    }
    let added: Vec<web_sys::Element> = tags
        .into_iter()
        .filter_map(|tag| {
            let element = document.create_element(tag.element).ok()?;
            element.set_attribute(PAGE_HEAD, "").ok()?;
            for (name, value) in &tag.attributes {
                element.set_attribute(name, value).ok()?;
            }
            element.set_text_content(tag.text.as_deref());
            head.append_child(&element).ok()?;
            Some(element)
        })
        .collect();
    // Only these elements: a page replacing this one may already have added its own.
    let added = SendWrapper::new(added);
    on_cleanup(move || added.iter().for_each(web_sys::Element::remove));
}
