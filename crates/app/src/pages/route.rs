//! Which view an address asks for. Every address is its own page (pre-rendered, and links
//! between pages are plain links), so a small parser stands in for a router (leptos_router
//! would add about 40 KiB of wasm for the patient to download).

use clinic_content::library::{
    a_to_z_path, ListLanguage, A_TO_Z_SEGMENT, CATEGORIES_SEGMENT, PAGE_SEGMENT,
};
use clinic_content::{article_path, ARTICLES_SEGMENT};
use percent_encoding::percent_decode_str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The site's home: the article the index names as home.
    Home,
    /// `articles/<slug>/`.
    Article(String),
    /// `articles/`: every article in the site's language, a page of cards at a time
    /// (`articles/page/<n>/`); `es/articles/` the same in another language.
    Library(ListLanguage, usize),
    /// `categories/<slug>/`: the articles of one category, a page at a time
    /// (`categories/<slug>/page/<n>/`); `es/categories/<slug>/` in another language.
    Category(ListLanguage, String, usize),
    /// `a-z/`: the A to Z's letters; `a-z/<letter>/`: the names under one letter, a page at
    /// a time (`a-z/<letter>/page/<n>/`).
    AtoZ(Option<String>, usize),
    NotFound,
}

impl Route {
    /// The route for `path` on a site served under `base_path` (`/`, or `/clinic/` for a
    /// sub-path deploy), either percent-encoded as the browser gives them or not (a category
    /// named in Arabic is `categories/%D8%A7…/` to the browser, `categories/ا…/` to the build).
    pub fn from_path(path: &str, base_path: &str) -> Route {
        let decoded = |path: &str| percent_decode_str(path).decode_utf8_lossy().into_owned();
        let (path, base_path) = (decoded(path), decoded(base_path));
        let base = base_path.trim_end_matches('/');
        let Some(rest) = path.strip_prefix(base) else {
            return Route::NotFound;
        };
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Route::NotFound;
        }
        let mut segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        if segments.last() == Some(&"index.html") && !segments.is_empty() {
            segments.pop();
        }
        // A list's later pages: its first is the list's own address, never `page/1/`.
        let later_page = |number: &str| number.parse::<usize>().ok().filter(|page| *page >= 2);
        // Another language's lists are under its primary subtag: `es/articles/`.
        let (language, lists) = match segments.as_slice() {
            [folder, lists @ ..] if is_language_folder(folder) => {
                (ListLanguage::under(folder), lists)
            }
            lists => (ListLanguage::default(), lists),
        };
        match lists {
            [ARTICLES_SEGMENT] => return Route::Library(language, 1),
            [ARTICLES_SEGMENT, PAGE_SEGMENT, page] => {
                return later_page(page)
                    .map_or(Route::NotFound, |page| Route::Library(language, page))
            }
            [CATEGORIES_SEGMENT, slug] => return Route::Category(language, slug.to_string(), 1),
            [CATEGORIES_SEGMENT, slug, PAGE_SEGMENT, page] => {
                return later_page(page).map_or(Route::NotFound, |page| {
                    Route::Category(language, slug.to_string(), page)
                })
            }
            _ => {}
        }
        match segments.as_slice() {
            [] => Route::Home,
            [ARTICLES_SEGMENT, slug] => Route::Article(slug.to_string()),
            [A_TO_Z_SEGMENT] => Route::AtoZ(None, 1),
            [A_TO_Z_SEGMENT, letter] => Route::AtoZ(Some(letter.to_string()), 1),
            [A_TO_Z_SEGMENT, letter, PAGE_SEGMENT, page] => match later_page(page) {
                Some(page) => Route::AtoZ(Some(letter.to_string()), page),
                None => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The page's own path under `base_path`: the address its links and its file use. The
    /// not-found page has none of its own (hosts show it at any address), so its is the
    /// site's.
    pub fn path(&self, base_path: &str) -> String {
        match self {
            Route::Article(slug) => format!("{base_path}{}", article_path(slug)),
            Route::Library(language, page) => {
                format!("{base_path}{}", language.list_path(None, *page))
            }
            Route::Category(language, slug, page) => {
                format!("{base_path}{}", language.list_path(Some(slug), *page))
            }
            Route::AtoZ(letter, page) => {
                format!("{base_path}{}", a_to_z_path(letter.as_deref(), *page))
            }
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

/// Whether an address's first segment is the folder of a language's lists: a primary
/// language subtag (`es`, `ar`), as the build names them.
fn is_language_folder(segment: &str) -> bool {
    (2..=3).contains(&segment.len()) && segment.chars().all(|letter| letter.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The site language's lists.
    fn site() -> ListLanguage {
        ListLanguage::default()
    }

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
            assert_eq!(
                Route::from_path(path, "/"),
                Route::Library(site(), 1),
                "{path}"
            );
        }
        assert_eq!(
            Route::from_path("/categories/back-pain/", "/"),
            Route::Category(site(), "back-pain".into(), 1)
        );
        assert_eq!(
            Route::from_path("/articles/page/3/index.html", "/"),
            Route::Library(site(), 3)
        );
        assert_eq!(
            Route::from_path("/categories/back-pain/page/2/", "/"),
            Route::Category(site(), "back-pain".into(), 2)
        );
        for path in [
            "/articles/page/1/",
            "/articles/page/0/",
            "/articles/page/x/",
        ] {
            assert_eq!(Route::from_path(path, "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn another_language_s_lists_are_under_its_folder() {
        assert_eq!(
            Route::from_path("/es/articles/", "/"),
            Route::Library(ListLanguage::under("es"), 1)
        );
        assert_eq!(
            Route::from_path("/clinic/ar/categories/x/page/2/", "/clinic/"),
            Route::Category(ListLanguage::under("ar"), "x".into(), 2)
        );
        for path in ["/es/", "/es/articles/x/", "/es/a-z/", "/ES/articles/"] {
            assert_eq!(Route::from_path(path, "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn a_category_named_in_another_script_is_found_encoded_or_not() {
        let arabic = Route::Category(ListLanguage::under("ar"), "الام-الظهر".into(), 1);
        let encoded = "/ar/categories/%D8%A7%D9%84%D8%A7%D9%85-%D8%A7%D9%84%D8%B8%D9%87%D8%B1/";
        assert_eq!(Route::from_path(encoded, "/"), arabic);
        assert_eq!(Route::from_path(&arabic.path("/"), "/"), arabic);
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
        for path in [
            "/categories",
            "/articles/a/b",
            "/about",
            "/index.htm",
            "/index.html/index.html",
        ] {
            assert_eq!(Route::from_path(path, "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn each_route_has_its_own_path_and_parses_back() {
        for base in ["/", "/clinic/"] {
            for route in [
                Route::Home,
                Route::Article("x".into()),
                Route::Library(site(), 1),
                Route::Library(site(), 2),
                Route::Category(site(), "x".into(), 1),
                Route::Category(site(), "x".into(), 12),
                Route::Library(ListLanguage::under("es"), 1),
                Route::Category(ListLanguage::under("ar"), "x".into(), 2),
                Route::AtoZ(None, 1),
                Route::AtoZ(Some("b".into()), 1),
                Route::AtoZ(Some("b".into()), 3),
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
