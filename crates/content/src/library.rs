//! The library: every article as lists show it (a card), and the categories they fall in.
//! The build writes it (`content/library.json`) from the article files, so editors never keep
//! it by hand; the list and category pages read it, and an article page carries the cards of
//! its related articles only.

use crate::words::{Word, Words};
use serde::{Deserialize, Serialize};

use crate::language::{primary_language, same_language};
use crate::model::{Article, Hero, SiteSettings, ARTICLES_SEGMENT};
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
    /// The language it is written in, a BCP 47 tag.
    pub lang: String,
}

/// Whose lists a page belongs to and links to: the site language's, at the site's root
/// (`articles/`, `categories/<slug>/`), or another language's, under its primary subtag
/// (`es/articles/`, `es/categories/<slug>/`), as MedlinePlus keeps its Spanish topics apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(transparent)]
pub struct ListLanguage(Option<String>);

impl ListLanguage {
    /// The lists of the articles in the language `lang` on `site`.
    pub fn of(site: &SiteSettings, lang: &str) -> ListLanguage {
        ListLanguage((!same_language(lang, site.language())).then(|| primary_language(lang)))
    }

    /// The lists under the folder `primary` (a primary language subtag, such as `es`).
    pub fn under(primary: &str) -> ListLanguage {
        ListLanguage(Some(primary.to_string()))
    }

    /// Whether these are the site language's lists, at the site's root.
    pub fn is_site_language(&self) -> bool {
        self.0.is_none()
    }

    /// The language, as its lists' pages say it: the primary subtag, or the site's.
    pub fn tag<'a>(&'a self, site: &'a SiteSettings) -> &'a str {
        self.0.as_deref().unwrap_or_else(|| site.language())
    }

    /// The folder of these lists, relative to the site's base: empty, or `es/`.
    fn folder(&self) -> String {
        self.0
            .as_ref()
            .map_or_else(String::new, |primary| format!("{primary}/"))
    }

    /// The list of every article in this language, relative to the site's base.
    pub fn library_path(&self) -> String {
        format!("{}{ARTICLES_SEGMENT}/", self.folder())
    }

    /// A category's page, relative to the site's base.
    pub fn category_path(&self, slug: &str) -> String {
        format!("{}{CATEGORIES_SEGMENT}/{slug}/", self.folder())
    }

    /// The address of page `page` of the list of every article (no category) or of a
    /// category's, relative to the site's base: its first page is the list's own address.
    pub fn list_path(&self, category: Option<&str>, page: usize) -> String {
        let list = category.map_or_else(|| self.library_path(), |slug| self.category_path(slug));
        if page <= 1 {
            list
        } else {
            format!("{list}{PAGE_SEGMENT}/{page}/")
        }
    }

    /// The content file of page `page` of a list, which the app reads to build that page in
    /// the browser.
    pub fn list_file(&self, category: Option<&str>, page: usize) -> String {
        let list = match category {
            Some(slug) => format!("{CATEGORIES_SEGMENT}/{slug}"),
            None => ARTICLES_SEGMENT.to_string(),
        };
        format!("{LISTS_FOLDER}{}{list}/{page}.json", self.folder())
    }
}

/// Another language's list of every article, as a list page's language list names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListInLanguage {
    pub language: ListLanguage,
    /// Its language, a BCP 47 tag.
    pub lang: String,
    /// Its language's name in that language ("Español"), from that language's table.
    pub language_name: String,
}

/// Every article, newest first.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub articles: Vec<LibraryEntry>,
}

/// A category, as its page and the lists of categories name it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub name: String,
    pub slug: String,
    /// How many articles it has.
    pub count: usize,
}

/// How many cards a page of a list shows: a few screens on a phone, and a page that weighs
/// the same in a library of any size.
pub const CARDS_PER_PAGE: usize = 24;

/// The path segment of a list's later pages: `articles/page/2/`.
pub const PAGE_SEGMENT: &str = "page";

/// One page of a list of articles (every article's, or one category's): what the page shows
/// and carries, so that it weighs the same in a library of any size.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListPage {
    /// The category listed; none for every article.
    pub category: Option<Category>,
    /// Which page this is, from 1, and how many the list has.
    pub page: usize,
    pub pages: usize,
    /// How many articles the list has, on all its pages.
    pub count: usize,
    /// How many articles the whole library has.
    pub library_count: usize,
    pub categories: Vec<Category>,
    /// This page's articles, newest first.
    pub articles: Vec<LibraryEntry>,
    /// Whose list this is: the site language's, or another's.
    #[serde(default, skip_serializing_if = "ListLanguage::is_site_language")]
    pub language: ListLanguage,
    /// The lists of every language of the site, this one's included; none when it has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<ListInLanguage>,
}

impl ListPage {
    /// The address of page `page` of this list, relative to the site's base.
    pub fn path_of(&self, page: usize) -> String {
        self.language.list_path(self.category_slug(), page)
    }

    /// Where this page sits in the site: the list, then the page itself when it is a later one.
    pub fn trail(&self, words: &Words) -> Vec<Crumb> {
        let trail = trail_to_library(&self.language, self.category.as_ref(), words);
        with_later_page(trail, self.page, self.path_of(self.page), words)
    }

    pub fn category_slug(&self) -> Option<&str> {
        self.category
            .as_ref()
            .map(|category| category.slug.as_str())
    }
}

/// The build writes the pages of lists from the library: there is nothing left to check.
impl Validate for ListPage {
    fn validate(&self, _: &mut Checker) {}
}

/// Where the pages of lists are, in the site's content.
pub const LISTS_FOLDER: &str = "content/lists/";

/// The path segment of the A to Z: `a-z/`, and a page per letter at `a-z/<letter>/`.
pub const A_TO_Z_SEGMENT: &str = "a-z";
/// How many names a page of the A to Z shows: a letter of 10,000 articles has a thousand
/// and more, and its page stays within twice an article's.
pub const NAMES_PER_PAGE: usize = 400;

/// Where the pages of the A to Z are, in the site's content.
pub const A_TO_Z_FOLDER: &str = "content/a-z/";

/// A page of the A to Z: every letter, and on a letter's page every article and other name
/// that starts with it, as the NHS and MedlinePlus list their topics.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AtoZList {
    /// The letter shown (its slug); none on the page of letters.
    pub letter: Option<String>,
    /// Which page of the letter's names this is, from 1, and how many there are: a letter of
    /// a large library has thousands.
    pub page: usize,
    pub pages: usize,
    pub letters: Vec<AtoZLetter>,
    /// This page's names, in order.
    pub entries: Vec<AtoZEntry>,
}

/// A letter of the A to Z: how it shows, its address segment, and how many names start
/// with it (a letter without any has no page).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AtoZLetter {
    pub label: String,
    pub slug: String,
    pub count: usize,
}

/// A name in the A to Z: an article's title, or another name it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AtoZEntry {
    pub name: String,
    /// The article it leads to.
    pub slug: String,
    /// For another name, the article's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub see: Option<String>,
}

impl AtoZList {
    /// The letter shown, as the page names it.
    pub fn current(&self) -> Option<&AtoZLetter> {
        let slug = self.letter.as_deref()?;
        self.letters.iter().find(|letter| letter.slug == slug)
    }

    /// The address of page `page` of this letter, relative to the site's base.
    pub fn path_of(&self, page: usize) -> String {
        a_to_z_path(self.letter.as_deref(), page)
    }

    /// Where this page sits in the site: the A to Z and the letter, then the page itself
    /// when it is a later one.
    pub fn trail(&self, words: &Words) -> Vec<Crumb> {
        let trail = trail_to_a_to_z(self.current(), words);
        with_later_page(trail, self.page, self.path_of(self.page), words)
    }
}

/// The build writes the A to Z from checked articles: there is nothing left to check.
impl Validate for AtoZList {
    fn validate(&self, _: &mut Checker) {}
}

/// The A to Z's page of letters (no letter), or page `page` of a letter's names, relative to
/// the site's base: a letter's first page is the letter's own address.
pub fn a_to_z_path(letter: Option<&str>, page: usize) -> String {
    match letter {
        Some(letter) if page > 1 => format!("{A_TO_Z_SEGMENT}/{letter}/{PAGE_SEGMENT}/{page}/"),
        Some(letter) => format!("{A_TO_Z_SEGMENT}/{letter}/"),
        None => format!("{A_TO_Z_SEGMENT}/"),
    }
}

/// The content file of an A to Z page.
pub fn a_to_z_file(letter: Option<&str>, page: usize) -> String {
    match letter {
        Some(letter) => format!("{A_TO_Z_FOLDER}{letter}/{page}.json"),
        None => format!("{A_TO_Z_FOLDER}index.json"),
    }
}

impl LibraryEntry {
    pub fn of(article: &Article, site: &SiteSettings) -> LibraryEntry {
        LibraryEntry {
            lang: site.language_of(article).to_string(),
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
    /// The library of `articles` on `site`: newest first, and by title on the same day.
    pub fn of<'a>(articles: impl IntoIterator<Item = &'a Article>, site: &SiteSettings) -> Library {
        let mut articles: Vec<LibraryEntry> = articles
            .into_iter()
            .map(|article| LibraryEntry::of(article, site))
            .collect();
        articles.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.title.cmp(&b.title))
        });
        Library { articles }
    }

    /// The library of each language's lists on `site`: the site language's first (empty
    /// when it has no articles), then the others by their folder.
    pub fn by_language(&self, site: &SiteSettings) -> Vec<(ListLanguage, Library)> {
        let mut languages = vec![(ListLanguage::default(), Library::default())];
        for entry in &self.articles {
            let language = ListLanguage::of(site, &entry.lang);
            match languages.iter_mut().find(|(known, _)| *known == language) {
                Some((_, library)) => library.articles.push(entry.clone()),
                None => languages.push((
                    language,
                    Library {
                        articles: vec![entry.clone()],
                    },
                )),
            }
        }
        languages[1..].sort_by(|a, b| a.0.cmp(&b.0));
        languages
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

    /// The pages of the list of every article (no category) or of `category`'s, of
    /// `per_page` cards each; an empty list has one page.
    pub fn list_pages(&self, category: Option<&Category>, per_page: usize) -> Vec<ListPage> {
        let entries: Vec<&LibraryEntry> = match category {
            Some(category) => self.in_category(&category.slug).collect(),
            None => self.articles.iter().collect(),
        };
        let per_page = per_page.max(1);
        let pages = list_page_count(entries.len(), per_page);
        let categories = self.categories();
        (1..=pages)
            .map(|page| ListPage {
                category: category.cloned(),
                page,
                pages,
                count: entries.len(),
                library_count: self.articles.len(),
                categories: categories.clone(),
                articles: entries
                    .iter()
                    .skip((page - 1) * per_page)
                    .take(per_page)
                    .map(|entry| (*entry).clone())
                    .collect(),
                language: ListLanguage::default(),
                languages: Vec::new(),
            })
            .collect()
    }
}

/// How many pages a list of `count` articles takes at `per_page` cards a page: an empty
/// list has one.
pub fn list_page_count(count: usize, per_page: usize) -> usize {
    count.div_ceil(per_page.max(1)).max(1)
}

/// The build writes the library from checked articles: there is nothing left to check.
impl Validate for Library {
    fn validate(&self, _: &mut Checker) {}
}

/// What the first page of each language's list of every article names as its alternates
/// (its head and the sitemap), given each language's tag and lists, the site language's
/// first: each as an `hreflang` and a path, and the site language's for any other reader
/// (`x-default`). None where the site has one language.
pub fn list_alternates<'a>(
    languages: impl IntoIterator<Item = (&'a str, &'a ListLanguage)>,
) -> Vec<(String, String)> {
    let alternates: Vec<(String, String)> = (languages.into_iter())
        .map(|(tag, language)| (tag.to_string(), language.library_path()))
        .collect();
    if alternates.len() < 2 {
        return Vec::new();
    }
    let default = (
        "x-default".to_string(),
        ListLanguage::default().library_path(),
    );
    alternates.into_iter().chain([default]).collect()
}

/// A category's address segment, from its name in any script: its words, as search reads
/// them, joined by hyphens ("Back Pain" is `back-pain`, "Músculos y huesos"
/// `musculos-y-huesos`, "آلام الظهر" `الام-الظهر`, which the browser shows as it is and
/// sends percent-encoded).
pub fn category_slug(name: &str) -> String {
    crate::search::words(name).join("-")
}

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
/// the page shows and the `BreadcrumbList` search engines read, in the words of `words`.
/// The article's category is among the lists of its language (`language`).
pub fn trail_to_article(article: &Article, language: &ListLanguage, words: &Words) -> Vec<Crumb> {
    vec![
        Crumb::new(words.get(Word::Home), String::new()),
        Crumb::new(
            &article.category,
            language.category_path(&category_slug(&article.category)),
        ),
        Crumb::new(&article.title, crate::model::article_path(&article.slug)),
    ]
}

/// The trail to the list of every article in `language`, or to one category's page.
fn trail_to_library(
    language: &ListLanguage,
    category: Option<&Category>,
    words: &Words,
) -> Vec<Crumb> {
    let mut trail = vec![
        Crumb::new(words.get(Word::Home), String::new()),
        Crumb::new(words.get(Word::HealthLibrary), language.library_path()),
    ];
    if let Some(category) = category {
        trail.push(Crumb::new(
            &category.name,
            language.category_path(&category.slug),
        ));
    }
    trail
}

/// `trail` to a list's first page, and on its later page `page` (at `path`) that page itself,
/// so that the breadcrumbs' current page is the one the reader is on.
fn with_later_page(mut trail: Vec<Crumb>, page: usize, path: String, words: &Words) -> Vec<Crumb> {
    if page > 1 {
        let name = words.filled(Word::PageNumber, &[("number", &page.to_string())]);
        trail.push(Crumb::new(name, path));
    }
    trail
}

/// The trail to the A to Z's letters, or to one letter's page.
fn trail_to_a_to_z(letter: Option<&AtoZLetter>, words: &Words) -> Vec<Crumb> {
    let mut trail = trail_to_library(&ListLanguage::default(), None, words);
    trail.push(Crumb::new(
        words.get(Word::HealthAToZ),
        a_to_z_path(None, 1),
    ));
    if let Some(letter) = letter {
        trail.push(Crumb::new(
            &letter.label,
            a_to_z_path(Some(&letter.slug), 1),
        ));
    }
    trail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_page_of_a_letter_ends_its_trail_with_itself() {
        let words = crate::fixtures::words();
        let letter = |page| AtoZList {
            letter: Some("b".into()),
            page,
            pages: 3,
            letters: vec![AtoZLetter {
                label: "B".into(),
                slug: "b".into(),
                count: 1000,
            }],
            entries: Vec::new(),
        };
        let paths = |list: AtoZList| -> Vec<String> {
            list.trail(&words)
                .into_iter()
                .map(|crumb| crumb.path)
                .collect()
        };
        assert_eq!(paths(letter(1)), ["", "articles/", "a-z/", "a-z/b/"]);
        assert_eq!(
            paths(letter(2)),
            ["", "articles/", "a-z/", "a-z/b/", "a-z/b/page/2/"]
        );
        let last = letter(2).trail(&words).pop().map(|crumb| crumb.name);
        assert_eq!(
            last,
            Some(words.filled(Word::PageNumber, &[("number", "2")]))
        );
    }

    #[test]
    fn a_category_s_address_keeps_its_letters_in_any_script() {
        assert_eq!(category_slug("Back Pain"), "back-pain");
        assert_eq!(category_slug("Women’s Health"), "womens-health");
        assert_eq!(category_slug("Músculos y huesos"), "musculos-y-huesos");
        assert_eq!(category_slug("آلام الظهر"), "الام-الظهر");
        assert_eq!(category_slug("Боль в спине"), "боль-в-спине");
        assert_eq!(category_slug("· — ·"), "");
    }

    #[test]
    fn each_language_has_its_lists_the_site_s_at_the_root_and_others_under_their_folder() {
        let mut articles: Vec<Article> = ["en-GB", "es-MX", "ar", "es"]
            .iter()
            .enumerate()
            .map(|(day, lang)| {
                let mut article = dated(&format!("a{day}"), "X", &format!("2026-01-0{}", day + 1));
                article.lang = Some(lang.to_string());
                article
            })
            .collect();
        articles[0].lang = None;
        let by_language = Library::of(&articles, &site()).by_language(&site());
        let lists: Vec<(String, Vec<&str>)> = by_language
            .iter()
            .map(|(language, library)| {
                let slugs = library.articles.iter().map(|a| a.slug.as_str()).collect();
                (language.list_path(Some("x"), 2), slugs)
            })
            .collect();
        assert_eq!(
            lists,
            [
                ("categories/x/page/2/".to_string(), vec!["a0"]),
                ("ar/categories/x/page/2/".to_string(), vec!["a2"]),
                ("es/categories/x/page/2/".to_string(), vec!["a3", "a1"]),
            ]
        );
        assert_eq!(
            by_language[2].0.list_file(None, 1),
            "content/lists/es/articles/1.json"
        );
        assert_eq!(by_language[2].0.tag(&site()), "es");
        // A site without articles in its language still has its (empty) list.
        let spanish_only = Library::of(&articles[3..], &site()).by_language(&site());
        assert!(spanish_only[0].0.is_site_language() && spanish_only[0].1.articles.is_empty());
    }

    #[test]
    fn a_list_is_cut_into_pages_each_at_its_own_address() {
        let articles: Vec<Article> = (0..5)
            .map(|day| dated(&format!("a{day}"), "X", &format!("2026-01-0{}", day + 1)))
            .collect();
        let library = Library::of(&articles, &site());
        let pages = library.list_pages(None, 2);
        let slugs: Vec<Vec<&str>> = pages
            .iter()
            .map(|page| page.articles.iter().map(|a| a.slug.as_str()).collect())
            .collect();
        assert_eq!(slugs, [vec!["a4", "a3"], vec!["a2", "a1"], vec!["a0"]]);
        assert!(pages.iter().all(|page| page.pages == 3 && page.count == 5));
        assert_eq!(pages[1].path_of(1), "articles/");
        assert_eq!(pages[1].path_of(3), "articles/page/3/");
        let category = &library.categories()[0];
        let in_category = library.list_pages(Some(category), 10);
        assert_eq!(in_category.len(), 1);
        assert_eq!(in_category[0].path_of(2), "categories/x/page/2/");
        assert_eq!(
            ListLanguage::default().list_file(Some("x"), 2),
            "content/lists/categories/x/2.json"
        );
        assert_eq!(Library::default().list_pages(None, 2).len(), 1);
    }
    use crate::fixtures::{article, section, site};

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
        let library = Library::of(&articles, &site());
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
        let library = Library::of(&articles, &site());
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
        let library = Library::of(&articles, &site()).only(["a", "missing", "b"]);
        let slugs: Vec<&str> = library.articles.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b"]);
    }
}
