//! Which view an address asks for. The site has two routes, so a small parser stands in for
//! a router (leptos_router would add about 40 KiB of wasm for the patient to download).

use crate::content::{article_path, ARTICLES_SEGMENT};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The site's home: the article the index names as home.
    Home,
    /// `articles/<slug>/`.
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
            [ARTICLES_SEGMENT, slug] | [ARTICLES_SEGMENT, slug, "index.html"] => {
                Route::Article(slug.to_string())
            }
            _ => Route::NotFound,
        }
    }

    /// The page's own path under `base_path`: the address its links and its file use. The
    /// not-found page has none of its own (hosts show it at any address), so its is the
    /// site's.
    pub fn path(&self, base_path: &str) -> String {
        match self {
            Route::Article(slug) => format!("{base_path}{}", article_path(slug)),
            Route::Home | Route::NotFound => base_path.to_string(),
        }
    }

    /// The route of the page the browser is showing.
    #[cfg(target_arch = "wasm32")]
    pub fn current(base_path: &str) -> Route {
        let path = leptos::prelude::window()
            .location()
            .pathname()
            .unwrap_or_default();
        Route::from_path(&path, base_path)
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
        for path in [
            "/articles/upper-back-pain",
            "/articles/upper-back-pain/",
            "/articles/upper-back-pain/index.html",
        ] {
            assert_eq!(
                Route::from_path(path, "/"),
                Route::Article("upper-back-pain".into()),
                "{path}"
            );
        }
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

    #[test]
    fn each_route_has_its_own_path_and_parses_back() {
        for base in ["/", "/clinic/"] {
            for route in [Route::Home, Route::Article("x".into())] {
                assert_eq!(Route::from_path(&route.path(base), base), route);
            }
            assert_eq!(
                Route::Article("x".into()).path(base),
                format!("{base}articles/x/")
            );
        }
    }
}
