//! Which view an address asks for. Every address is its own page (pre-rendered, and links
//! between pages are plain links), so a small parser stands in for a router (leptos_router
//! would add about 40 KiB of wasm for the patient to download).

use clinic_content::library::{category_path, library_path, CATEGORIES_SEGMENT};
use clinic_content::{article_path, ARTICLES_SEGMENT};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The site's home: the article the index names as home.
    Home,
    /// `articles/<slug>/`.
    Article(String),
    /// `articles/`: every article.
    Library,
    /// `categories/<slug>/`: the articles of one category.
    Category(String),
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
            [ARTICLES_SEGMENT] | [ARTICLES_SEGMENT, "index.html"] => Route::Library,
            [CATEGORIES_SEGMENT, slug] | [CATEGORIES_SEGMENT, slug, "index.html"] => {
                Route::Category(slug.to_string())
            }
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
            Route::Library => format!("{base_path}{}", library_path()),
            Route::Category(slug) => format!("{base_path}{}", category_path(slug)),
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
    fn the_library_and_its_categories_have_their_own_addresses() {
        for path in ["/articles", "/articles/", "/articles/index.html"] {
            assert_eq!(Route::from_path(path, "/"), Route::Library, "{path}");
        }
        assert_eq!(
            Route::from_path("/categories/back-pain/", "/"),
            Route::Category("back-pain".into())
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
        for path in ["/categories", "/articles/a/b", "/about", "/index.htm"] {
            assert_eq!(Route::from_path(path, "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn each_route_has_its_own_path_and_parses_back() {
        for base in ["/", "/clinic/"] {
            for route in [
                Route::Home,
                Route::Article("x".into()),
                Route::Library,
                Route::Category("x".into()),
            ] {
                assert_eq!(Route::from_path(&route.path(base), base), route);
            }
            assert_eq!(
                Route::Article("x".into()).path(base),
                format!("{base}articles/x/")
            );
        }
    }
}
