//! The library: every article as lists show it (a card), and the categories they fall in.
//! The build writes it (`content/library.json`) from the article files, so editors never keep
//! it by hand; the list and category pages read it, and an article page carries the cards of
//! its related articles only.

use serde::{Deserialize, Serialize};

use crate::ids::slugify;
use crate::model::{Article, Hero, ARTICLES_SEGMENT};
use crate::validate::{Checker, Validate};

/// The path segment category pages live under: `categories/<slug>/`.
pub const CATEGORIES_SEGMENT: &str = "categories";

/// One article as a card shows it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryEntry {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub published: String,
    /// The article's picture, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Hero>,
    pub reading_minutes: usize,
}

/// Every article, newest first.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub articles: Vec<LibraryEntry>,
}

/// A category, as its page and the lists of categories name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    pub slug: String,
    /// How many articles it has.
    pub count: usize,
}

impl LibraryEntry {
    pub fn of(article: &Article) -> LibraryEntry {
        LibraryEntry {
            slug: article.slug.clone(),
            title: article.title.clone(),
            description: article.description.clone(),
            category: article.category.clone(),
            published: article.published.clone(),
            hero: article.hero.clone(),
            reading_minutes: article.reading_minutes(),
        }
    }

    pub fn category_slug(&self) -> String {
        category_slug(&self.category)
    }
}

impl Library {
    /// The library of `articles`: newest first, and by title on the same day.
    pub fn of<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Library {
        let mut articles: Vec<LibraryEntry> = articles.into_iter().map(LibraryEntry::of).collect();
        articles.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.title.cmp(&b.title))
        });
        Library { articles }
    }

    /// Every category, by name, with its number of articles.
    pub fn categories(&self) -> Vec<Category> {
        let mut categories: Vec<Category> = Vec::new();
        for entry in &self.articles {
            let slug = entry.category_slug();
            match categories.iter_mut().find(|category| category.slug == slug) {
                Some(category) => category.count += 1,
                None => categories.push(Category {
                    name: entry.category.clone(),
                    slug,
                    count: 1,
                }),
            }
        }
        categories.sort_by_key(|category| category.name.to_lowercase());
        categories
    }

    /// The articles of the category at `slug`, newest first.
    pub fn in_category(&self, slug: &str) -> impl Iterator<Item = &LibraryEntry> {
        let slug = slug.to_string();
        self.articles
            .iter()
            .filter(move |entry| entry.category_slug() == slug)
    }

    /// The entries of `slugs` that the library has, in the order given.
    pub fn only<'a>(&self, slugs: impl IntoIterator<Item = &'a str>) -> Library {
        Library {
            articles: slugs
                .into_iter()
                .filter_map(|slug| self.get(slug).cloned())
                .collect(),
        }
    }

    pub fn get(&self, slug: &str) -> Option<&LibraryEntry> {
        self.articles.iter().find(|entry| entry.slug == slug)
    }
}

/// The build writes the library from checked articles: there is nothing left to check.
impl Validate for Library {
    fn validate(&self, _: &mut Checker) {}
}

/// A category's address segment, from its name.
pub fn category_slug(name: &str) -> String {
    slugify(name)
}

/// The list of every article, relative to the site's base: the folder each article's address
/// is in.
pub fn library_path() -> String {
    format!("{ARTICLES_SEGMENT}/")
}

/// A category's page, relative to the site's base.
pub fn category_path(slug: &str) -> String {
    format!("{CATEGORIES_SEGMENT}/{slug}/")
}

/// What the list of every article is called, in the header, its page and breadcrumbs.
pub const LIBRARY_NAME: &str = "Health library";

/// One step of a page's breadcrumbs: a name and a path relative to the site's base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub name: String,
    pub path: String,
}

impl Crumb {
    fn new(name: impl Into<String>, path: String) -> Crumb {
        Crumb {
            name: name.into(),
            path,
        }
    }
}

/// Where a page sits in the site, from the home page to the page itself: the breadcrumbs
/// the page shows and the `BreadcrumbList` search engines read.
pub fn trail_to_article(article: &Article) -> Vec<Crumb> {
    vec![
        Crumb::new("Home", String::new()),
        Crumb::new(
            &article.category,
            category_path(&category_slug(&article.category)),
        ),
        Crumb::new(&article.title, crate::model::article_path(&article.slug)),
    ]
}

/// The trail to the list of every article, or to one category's page.
pub fn trail_to_library(category: Option<&Category>) -> Vec<Crumb> {
    let mut trail = vec![
        Crumb::new("Home", String::new()),
        Crumb::new(LIBRARY_NAME, library_path()),
    ];
    if let Some(category) = category {
        trail.push(Crumb::new(&category.name, category_path(&category.slug)));
    }
    trail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{article, section};

    fn dated(slug: &str, category: &str, published: &str) -> Article {
        Article {
            slug: slug.into(),
            title: slug.to_uppercase(),
            category: category.into(),
            published: published.into(),
            ..article(vec![section("A", &[])], &["Q?"])
        }
    }

    #[test]
    fn newest_first_then_by_title() {
        let articles = [
            dated("b", "X", "2026-01-02"),
            dated("c", "X", "2026-03-01"),
            dated("a", "X", "2026-01-02"),
        ];
        let library = Library::of(&articles);
        let slugs: Vec<&str> = library.articles.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["c", "a", "b"]);
    }

    #[test]
    fn categories_are_counted_by_address_and_sorted_by_name() {
        let articles = [
            dated("a", "Sleep", "2026-01-01"),
            dated("b", "Back Pain", "2026-01-02"),
            dated("c", "Sleep", "2026-01-03"),
        ];
        let library = Library::of(&articles);
        assert_eq!(
            library.categories(),
            [
                Category {
                    name: "Back Pain".into(),
                    slug: "back-pain".into(),
                    count: 1
                },
                Category {
                    name: "Sleep".into(),
                    slug: "sleep".into(),
                    count: 2
                }
            ]
        );
        let sleep: Vec<&str> = library
            .in_category("sleep")
            .map(|e| e.slug.as_str())
            .collect();
        assert_eq!(sleep, ["c", "a"]);
        assert_eq!(library.in_category("nothing").count(), 0);
    }

    #[test]
    fn only_keeps_known_slugs_in_the_order_given() {
        let articles = [dated("a", "X", "2026-01-01"), dated("b", "X", "2026-01-02")];
        let library = Library::of(&articles).only(["a", "missing", "b"]);
        let slugs: Vec<&str> = library.articles.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b"]);
    }
}
