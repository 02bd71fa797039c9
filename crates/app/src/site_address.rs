//! Where the site lives and which page is shown: the paths every link starts from.

use leptos::prelude::*;

/// The addresses of the page being shown, provided once at the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAddress {
    /// The site's base path: `/` by default, the `--public-url` of a sub-path build (Trunk
    /// writes it into `<base href>`). Links to the home page go here.
    pub base: String,
    /// The path of this page, such as `/articles/<slug>/`. Links to its sections start from
    /// it: a bare `#id` would resolve against `<base href>`, another page.
    pub page: String,
}

/// The addresses provided at the root; the site root when there are none.
pub fn use_site_address() -> SiteAddress {
    use_context().unwrap_or_else(|| SiteAddress {
        base: "/".into(),
        page: "/".into(),
    })
}

/// The path of the document's base address, in the browser.
#[cfg(target_arch = "wasm32")]
pub fn document_base_path() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_string())
}
