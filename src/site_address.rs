//! Where the site lives: the path every page, asset and content file resolves under.

/// The path of the document's base address: `/` by default, the `--public-url` of a sub-path
/// build (Trunk writes it into `<base href>`). Links to the home page go here.
pub fn base_path() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_string())
}
