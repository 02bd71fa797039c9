//! Which view an address asks for. The site has two routes, so a small parser stands in for
//! a router (leptos_router would add about 40 KiB of wasm for the patient to download).

use crate::site_address::base_path;

/// The path segment that article addresses live under: `articles/<slug>`.
pub const ARTICLES_SEGMENT: &str = "articles";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The site's home: the article the index names as home.
    Home,
    /// `articles/<slug>`.
    Article(String),
    NotFound,
}

impl Route {
    /// The route for `path` on a site served under `base_path` (`/`, or `/clinic/` for a
    /// sub-path deploy).
    pub fn from_path(path: &str, base_path: &str) -> Route {
        let base = base_path.trim_end_matches('/');
        let Some(rest) = path.strip_prefix(base) else {
            return Route::NotFound;
        };
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Route::NotFound;
        }
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["index.html"] => Route::Home,
            [ARTICLES_SEGMENT, slug] => Route::Article(slug.to_string()),
            _ => Route::NotFound,
        }
    }

    /// The route of the page the browser is showing.
    pub fn current() -> Route {
        let Some(window) = web_sys::window() else {
            return Route::NotFound;
        };
        let path = window.location().pathname().unwrap_or_default();
        Route::from_path(&path, &base_path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_and_index_html_are_home() {
        assert_eq!(Route::from_path("/", "/"), Route::Home);
        assert_eq!(Route::from_path("/index.html", "/"), Route::Home);
        assert_eq!(Route::from_path("", "/"), Route::Home);
    }

    #[test]
    fn an_article_address_names_its_slug() {
        assert_eq!(
            Route::from_path("/articles/upper-back-pain", "/"),
            Route::Article("upper-back-pain".into())
        );
        assert_eq!(
            Route::from_path("/articles/upper-back-pain/", "/"),
            Route::Article("upper-back-pain".into())
        );
    }

    #[test]
    fn routes_resolve_under_a_sub_path() {
        assert_eq!(Route::from_path("/clinic/", "/clinic/"), Route::Home);
        assert_eq!(Route::from_path("/clinic", "/clinic/"), Route::Home);
        assert_eq!(
            Route::from_path("/clinic/articles/x", "/clinic/"),
            Route::Article("x".into())
        );
        assert_eq!(Route::from_path("/clinicx/", "/clinic/"), Route::NotFound);
        assert_eq!(Route::from_path("/articles/x", "/clinic/"), Route::NotFound);
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in ["/articles", "/articles/a/b", "/about", "/index.htm"] {
            assert_eq!(Route::from_path(path, "/"), Route::NotFound, "{path}");
        }
    }
}
