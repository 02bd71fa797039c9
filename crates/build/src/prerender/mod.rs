//! Pre-rendering: after each build, every address of the site becomes its own HTML page,
//! rendered to HTML by the same components the app runs in the browser (Leptos server-side
//! rendering, natively), so a reader sees the page as soon as it arrives, with scripts on or
//! off, and link previews see what the page is. The app then adopts that page in place
//! (`handover`, in the browser).
//!
//! From the page Trunk built (the app's shell: the loader, the settings script, the styles)
//! and the content in the build's `content/` folder, it writes:
//! - `index.html`: the home page;
//! - `articles/<slug>/index.html`: each article at its own address (a folder, which every
//!   static host serves at `/articles/<slug>/` without rewrite rules);
//! - `articles/index.html`: every article as a card, and `categories/<slug>/index.html`: the
//!   articles of each category;
//! - `404.html`: the not-found page, which hosts answer unknown addresses with;
//! - `app.html`: the shell itself, which builds any page in the browser (the service worker's
//!   answer, offline, for a page it has not saved).
//!
//! Each page is the shell with its parts in place ([`shell`], an HTML rewriter): the
//! stylesheet as it ships (`crate::stylesheet`), its own title and head tags, a preload of
//! only the image it shows first, and the content it was rendered from, so the app adopts it
//! without a request. It also writes what is made from the content: `content/library.json`
//! (`clinic_content::library`), the search index (`crate::search_index`), `sitemap.xml` and
//! `robots.txt`.

mod shell;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::a_to_z::a_to_z_lists;
use crate::redirects::{redirect_files, REDIRECTS_RULES_FILE};
use crate::search_index::{ChunkSizes, SearchFiles};
use crate::sitemap::{robots_txt, sitemap_files};
use crate::static_host::header_rules;
use clinic_app::contract::{
    ANNOUNCEMENT_ATTRIBUTE, NOT_FOUND_FILE, PAGE_CONTENT_ATTRIBUTE, PAGE_PATH_ATTRIBUTE, SHELL_FILE,
};
use clinic_app::pages::head::{
    a_to_z_head, article_head, escape_html, library_head, not_found_head, PageHead,
};
use clinic_app::pages::{LoadedPage, PageContent, Route};
use clinic_app::LoadedApp;
use clinic_content::library::{
    a_to_z_file, ListInLanguage, A_TO_Z_FOLDER, CARDS_PER_PAGE, LISTS_FOLDER,
};
use clinic_content::load::{article_file, parse, INDEX_FILE, LIBRARY_FILE, SITE_FILE};
use clinic_content::review::today;
use clinic_content::search::{SearchLanguage, SEARCH_CHUNKS_FOLDER};

use clinic_content::language::{
    direction, translations_file, Translations, Version, TRANSLATIONS_FOLDER,
};
use clinic_content::structured_data::script_safe_json;
use clinic_content::validate::Validate;
use clinic_content::words::{locale_file, Word, Words};
use clinic_content::{plain_text, Article, ArticleIndex, Library, ListPage, SiteSettings};
use clinic_editor::check::check_folder;

pub(crate) use shell::START_SCRIPT;
use shell::{PageParts, Shell};

/// Writes every page of the built site in `site_dir`, served under `public_url` (`/`, or
/// `/clinic/`), and the files made from the content: the library, the search index (in
/// chunks of `search` sizes), the sitemap, robots.txt and what leads the articles' old
/// addresses to them (`crate::redirects`).
/// Returns the files written, relative to `site_dir`, and what looks wrong in the content; or
/// each problem of the content (as `content check` prints them).
pub fn prerender_site(
    site_dir: &Path,
    public_url: &str,
    profile: Profile,
    search: ChunkSizes,
) -> Result<Prerendered, Vec<String>> {
    let policy = match profile {
        Profile::Release => policy_tags(site_dir),
        Profile::Development => String::new(),
    };
    let shell = read_shell(site_dir, &policy).map_err(|error| vec![error])?;
    let report = check_folder(&site_dir.join("content"), &today());
    if !report.problems.is_empty() {
        return Err(report.problems);
    }
    let content = SiteContent::read(site_dir).map_err(|error| vec![error])?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (LIBRARY_FILE.into(), json_text(&content.library).into()),
        ("robots.txt".into(), robots_txt(&content.site.0).into()),
    ];
    // The chunks of an earlier build go: their names are their hashes, so none is replaced.
    let _ = std::fs::remove_dir_all(site_dir.join(SEARCH_CHUNKS_FOLDER));
    files.extend(content.search_index(search).files());
    files.extend(
        sitemap_files(
            &content.site.0,
            &content.library,
            &content.a_to_z_paths(),
            &content.translations,
        )
        .into_iter()
        .map(|(file, xml)| (file, xml.into_bytes())),
    );
    let articles: Vec<&Article> = content.articles.iter().map(|read| &read.0).collect();
    let existing_rules =
        std::fs::read_to_string(site_dir.join(REDIRECTS_RULES_FILE)).unwrap_or_default();
    files.extend(redirect_files(
        &articles,
        &content.site.0,
        public_url,
        &existing_rules,
    ));
    // The lists of an earlier build go: a category may be gone, or have fewer pages.
    for folder in [LISTS_FOLDER, A_TO_Z_FOLDER, TRANSLATIONS_FOLDER] {
        let _ = std::fs::remove_dir_all(site_dir.join(folder));
    }
    for page in content.pages() {
        // A page of a list or of the A to Z carries its content, which the app also reads
        // from its own file when it builds that page in the browser.
        files.extend(
            page.carried
                .iter()
                .filter(|(file, _)| {
                    [LISTS_FOLDER, A_TO_Z_FOLDER, TRANSLATIONS_FOLDER]
                        .iter()
                        .any(|folder| file.starts_with(folder))
                })
                .map(|(file, json)| (file.clone(), json.clone().into_bytes())),
        );
        let file = page.file.clone();
        let html = page_html(&shell, public_url, page)
            .map_err(|error| vec![format!("{file}: {error}")])?;
        files.push((file, html.into()));
    }
    let language = content.site.0.language();
    let (words, (table_file, table)) = content.words_in(language);
    let app_shell = shell
        .app_shell(
            language,
            direction(language).as_html(),
            &words,
            &content_script(&table_file, &table),
        )
        .map_err(|error| vec![format!("{SHELL_FILE}: {error}")])?;
    files.push((SHELL_FILE.into(), app_shell.into()));
    let mut written = Vec::new();
    for (file, bytes) in files {
        write(&site_dir.join(&file), &bytes).map_err(|error| vec![error])?;
        written.push(file);
    }
    Ok(Prerendered {
        files: written,
        warnings: report.warnings,
    })
}

/// What [`prerender_site`] did.
#[derive(Debug)]
pub struct Prerendered {
    /// The files written, relative to the site's folder.
    pub files: Vec<String>,
    /// What works but is likely not what the editor meant (as `content check` warns).
    pub warnings: Vec<String>,
}

/// Which build the pages are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// What is published: each page carries the site's security policy too.
    Release,
    /// `trunk serve`: no policy in the pages, whose live reload is an inline script.
    Development,
}

/// The site's security policy as a page carries it, for hosts that send no headers (GitHub
/// Pages): the Content-Security-Policy of `_headers` without `frame-ancestors` (which a
/// `<meta>` cannot carry), and the Referrer-Policy.
fn policy_tags(site_dir: &Path) -> String {
    let headers = std::fs::read_to_string(site_dir.join("_headers")).unwrap_or_default();
    let every_page = header_rules(&headers)
        .into_iter()
        .find(|rule| rule.pattern == "/*")
        .map(|rule| rule.lines)
        .unwrap_or_default();
    let header = |name: &str| {
        every_page
            .iter()
            .find_map(|line| line.strip_prefix(&format!("{name}: ")))
            .map(str::to_string)
    };
    let mut tags = String::new();
    if let Some(policy) = header("Content-Security-Policy") {
        let in_a_page: Vec<&str> = policy
            .split(';')
            .map(str::trim)
            .filter(|directive| !directive.is_empty() && !directive.starts_with("frame-ancestors"))
            .collect();
        tags.push_str(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            escape_html(&in_a_page.join("; "))
        ));
    }
    if let Some(referrer) = header("Referrer-Policy") {
        tags.push_str(&format!(
            "<meta name=\"referrer\" content=\"{}\">",
            escape_html(&referrer)
        ));
    }
    tags
}

/// The shell Trunk built: `app.html` when an earlier run kept it, `index.html` otherwise.
pub fn shell_path(site_dir: &Path) -> PathBuf {
    let kept = site_dir.join(SHELL_FILE);
    if kept.is_file() {
        kept
    } else {
        site_dir.join("index.html")
    }
}

fn read_shell(site_dir: &Path, policy: &str) -> Result<Shell, String> {
    let path = shell_path(site_dir);
    let html = std::fs::read_to_string(&path)
        .map_err(|error| format!("{}: cannot be read: {error}", path.display()))?;
    Shell::read(&html, policy).map_err(|error| format!("{}: {error}", path.display()))
}

/// A content file, read and checked, with its text.
struct Read<T>(T, String);

/// The site's content, as the build ships it.
struct SiteContent {
    site: Read<SiteSettings>,
    index: ArticleIndex,
    articles: Vec<Read<Article>>,
    library: Library,
    /// The interface's words in each language of the site's pages, by their table's file.
    words: HashMap<String, Read<Arc<Words>>>,
    /// Each original article's versions in other languages, by its slug, for those with
    /// translations.
    translations: HashMap<String, Arc<Translations>>,
}

/// One page to write: where, what it shows, and the content files it carries (each a name and
/// its text) for the app to adopt it with.
struct Page {
    file: String,
    route: Route,
    content: PageContent,
    /// The interface's words in the page's language.
    words: Arc<Words>,
    head: PageHead,
    carried: Vec<(String, String)>,
    /// The image the first screen shows largest.
    preload: Option<String>,
}

impl SiteContent {
    fn read(site_dir: &Path) -> Result<SiteContent, String> {
        fn load<T: serde::de::DeserializeOwned + Validate>(
            site_dir: &Path,
            file: &str,
        ) -> Result<Read<T>, String> {
            let text = std::fs::read_to_string(site_dir.join(file))
                .map_err(|error| format!("{file}: cannot be read: {error}"))?;
            let value = parse(file, &text).map_err(|error| error.to_string())?;
            Ok(Read(value, text))
        }
        let site = load(site_dir, SITE_FILE)?;
        let Read(index, _) = load::<ArticleIndex>(site_dir, INDEX_FILE)?;
        let articles: Vec<Read<Article>> = index
            .articles
            .iter()
            .map(|summary| load(site_dir, &article_file(&summary.slug)))
            .collect::<Result<_, _>>()?;
        let library = Library::of(articles.iter().map(|Read(article, _)| article), &site.0);
        let settings: &SiteSettings = &site.0;
        let languages = std::iter::once(settings.language()).chain(
            articles
                .iter()
                .map(|Read(article, _)| settings.language_of(article)),
        );
        let mut words = HashMap::new();
        for file in languages.map(locale_file) {
            if let std::collections::hash_map::Entry::Vacant(entry) = words.entry(file) {
                let Read(table, text) = load::<Words>(site_dir, entry.key())?;
                entry.insert(Read(Arc::new(table), text));
            }
        }
        let translations = translations_of(settings, &articles, &words);
        Ok(SiteContent {
            site,
            index,
            articles,
            library,
            words,
            translations,
        })
    }

    /// The words of the language `tag` (read with the content, so every table is there),
    /// and its table as a page carries it: its file and text.
    fn words_in(&self, tag: &str) -> (Arc<Words>, (String, String)) {
        let file = locale_file(tag);
        let Read(words, text) = &self.words[&file];
        (words.clone(), (file, text.clone()))
    }

    /// Every page of the site: the home page, each article, the list of them, each category
    /// and the not-found page.
    fn pages(&self) -> Vec<Page> {
        let site = Arc::new(self.site.0.clone());
        let site_carried = (SITE_FILE.to_string(), self.site.1.clone());
        let article_page = |file: String, route: Route, Read(article, text): &Read<Article>| {
            let related = self
                .library
                .only(article.related.iter().map(|post| post.slug.as_str()));
            let (words, words_carried) = self.words_in(site.language_of(article));
            let mut carried = vec![
                site_carried.clone(),
                words_carried,
                (article_file(&article.slug), text.clone()),
            ];
            let original = article.translation_of.as_deref().unwrap_or(&article.slug);
            let translations = self.translations.get(original).cloned().unwrap_or_default();
            if !translations.versions.is_empty() {
                carried.push((translations_file(original), json_text(&*translations)));
            }
            if !related.articles.is_empty() {
                carried.push((LIBRARY_FILE.to_string(), json_text(&related)));
            }
            Page {
                file,
                route,
                head: article_head(article, &site, &words, &translations),
                preload: article.hero.as_ref().map(|hero| hero.image.clone()),
                content: PageContent::Article {
                    site: site.clone(),
                    article: Arc::new(article.clone()),
                    related: Arc::new(related),
                    translations,
                },
                words,
                carried,
            }
        };
        let (site_words, site_words_carried) = self.words_in(site.language());
        let list_page = |list: ListPage| {
            let category = list.category_slug().map(str::to_string);
            let language = list.language.clone();
            let route = match category.clone() {
                Some(slug) => Route::Category(language.clone(), slug, list.page),
                None => Route::Library(language.clone(), list.page),
            };
            let (words, words_carried) = self.words_in(language.tag(&site));
            Page {
                file: format!("{}index.html", route.path("")),
                head: library_head(&site, &list, &words),
                preload: None,
                carried: vec![
                    site_carried.clone(),
                    words_carried,
                    (
                        language.list_file(category.as_deref(), list.page),
                        json_text(&list),
                    ),
                ],
                content: PageContent::Library {
                    site: site.clone(),
                    list: Arc::new(list),
                },
                words,
                route,
            }
        };

        let mut pages = Vec::new();
        if let Some(home) = self.article(&self.index.home) {
            pages.push(article_page("index.html".into(), Route::Home, home));
        }
        for article in &self.articles {
            let route = Route::Article(article.0.slug.clone());
            pages.push(article_page(
                format!("{}index.html", route.path("")),
                route,
                article,
            ));
        }
        let by_language = self.library.by_language(&site);
        // Each language's list names the others', when there are others.
        let languages: Vec<ListInLanguage> = match by_language.len() {
            1 => Vec::new(),
            _ => (by_language.iter())
                .map(|(language, _)| {
                    let lang = language.tag(&site).to_string();
                    ListInLanguage {
                        language: language.clone(),
                        language_name: self.words_in(&lang).0.text(Word::LanguageName),
                        lang,
                    }
                })
                .collect(),
        };
        for (language, library) in &by_language {
            let lists = std::iter::once(None).chain(library.categories().into_iter().map(Some));
            for category in lists {
                let list = library.list_pages(category.as_ref(), CARDS_PER_PAGE);
                pages.extend(list.into_iter().map(|list| {
                    list_page(ListPage {
                        language: language.clone(),
                        languages: languages.clone(),
                        ..list
                    })
                }));
            }
        }
        for list in a_to_z_lists(self.library_articles()) {
            let route = Route::AtoZ(list.letter.clone(), list.page);
            pages.push(Page {
                file: format!("{}index.html", route.path("")),
                head: a_to_z_head(&site, &list, &site_words),
                preload: None,
                carried: vec![
                    site_carried.clone(),
                    site_words_carried.clone(),
                    (
                        a_to_z_file(list.letter.as_deref(), list.page),
                        json_text(&list),
                    ),
                ],
                content: PageContent::AtoZ {
                    site: site.clone(),
                    list: Arc::new(list),
                },
                words: site_words.clone(),
                route,
            });
        }
        pages.push(Page {
            file: NOT_FOUND_FILE.to_string(),
            route: Route::NotFound,
            head: not_found_head(&site, &site_words),
            preload: None,
            content: PageContent::NotFound { site: site.clone() },
            words: site_words,
            carried: vec![site_carried, site_words_carried],
        });
        pages
    }

    /// The search index of every article, in the library's order (newest first), which
    /// breaks ties between results.
    fn search_index(&self, sizes: ChunkSizes) -> SearchFiles {
        let settings = &self.site.0;
        let language_of = |article: &Article| {
            let tag = settings.language_of(article);
            SearchLanguage {
                tag: tag.to_string(),
                name: self.words_in(tag).0.text(Word::LanguageName),
            }
        };
        crate::search_index::search_index(self.library_articles(), language_of, sizes)
    }

    /// The addresses of the A to Z's pages.
    fn a_to_z_paths(&self) -> Vec<String> {
        a_to_z_lists(self.library_articles())
            .iter()
            .filter(|list| list.page == 1)
            .map(|list| Route::AtoZ(list.letter.clone(), 1).path(""))
            .collect()
    }

    /// Every article, in the library's order.
    fn library_articles(&self) -> impl Iterator<Item = &Article> {
        self.library
            .articles
            .iter()
            .filter_map(|entry| self.article(&entry.slug))
            .map(|Read(article, _)| article)
    }

    fn article(&self, slug: &str) -> Option<&Read<Article>> {
        self.articles
            .iter()
            .find(|Read(article, _)| article.slug == slug)
    }
}

/// Each original article's versions (the original, then its translations in the index's
/// order), each named by its language's table, for the originals that have translations.
fn translations_of(
    site: &SiteSettings,
    articles: &[Read<Article>],
    words: &HashMap<String, Read<Arc<Words>>>,
) -> HashMap<String, Arc<Translations>> {
    let version = |article: &Article, original: bool| {
        let lang = site.language_of(article).to_string();
        let language_name = words
            .get(&locale_file(&lang))
            .map(|Read(words, _)| words.text(Word::LanguageName))
            .unwrap_or_else(|| lang.clone());
        Version {
            slug: article.slug.clone(),
            lang,
            language_name,
            original,
        }
    };
    let mut groups: HashMap<String, Translations> = HashMap::new();
    for Read(article, _) in articles {
        if let Some(original) = &article.translation_of {
            groups
                .entry(original.clone())
                .or_default()
                .versions
                .push(version(article, false));
        }
    }
    for Read(article, _) in articles {
        if let Some(group) = groups.get_mut(&article.slug) {
            group.versions.insert(0, version(article, true));
        }
    }
    groups
        .into_iter()
        .map(|(original, group)| (original, Arc::new(group)))
        .collect()
}

/// Content the build writes itself, as JSON text.
fn json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// One page: the shell with the page rendered into the app's root, its head, and its content.
fn page_html(shell: &Shell, public_url: &str, page: Page) -> Result<String, String> {
    let Page {
        route,
        content,
        words,
        head,
        carried,
        preload,
        ..
    } = page;
    let content = content.in_its_language();
    let announcement = plain_text(&content.site().announcement);
    let body = render(
        LoadedPage {
            content,
            words,
            saved_on: Default::default(),
        },
        route.clone(),
        public_url.to_string(),
    );
    // The path this page answers at; the not-found page answers at any.
    let page_path = match route {
        Route::NotFound => String::new(),
        route => route.path(public_url),
    };
    let mut head_html = head_tags(&head);
    if let Some(image) = preload {
        // The hero is what the first screen shows largest: it downloads beside the HTML.
        head_html.push_str(&format!(
            "\n    <link rel=\"preload\" href=\"{}\" as=\"image\" fetchpriority=\"high\">",
            escape_html(&image)
        ));
    }
    let carried: String = carried
        .iter()
        .map(|(file, text)| format!("\n    {}", content_script(file, text)))
        .collect();
    shell.page(&PageParts {
        html_attributes: vec![
            ("lang".into(), head.lang.clone()),
            ("dir".into(), head.dir().into()),
            (PAGE_PATH_ATTRIBUTE.into(), page_path),
            (ANNOUNCEMENT_ATTRIBUTE.into(), announcement),
        ],
        title: head.title.clone(),
        head: format!("{head_html}\n  "),
        body,
        after_body: carried,
    })
}

/// The page as the app shows it, rendered to HTML.
fn render(page: LoadedPage, route: Route, base: String) -> String {
    Owner::new().with(|| view! { <LoadedApp page route base /> }.to_html())
}

/// The page's head tags as HTML, one per line.
fn head_tags(head: &PageHead) -> String {
    head.tags
        .iter()
        .map(|tag| format!("\n    {}", tag.to_html()))
        .collect()
}

/// A content file carried in the page, as data (never run): the same text the app would
/// fetch, without its layout.
fn content_script(file: &str, text: &str) -> String {
    let json = serde_json::from_str::<serde_json::Value>(text)
        .map(|value| script_safe_json(&value))
        .unwrap_or_default();
    format!(
        "<script type=\"application/json\" {PAGE_CONTENT_ATTRIBUTE}=\"{}\">{json}</script>",
        escape_html(file)
    )
}

fn write(path: &PathBuf, bytes: &[u8]) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("{}: cannot be created: {error}", folder.display()))?;
    }
    std::fs::write(path, bytes)
        .map_err(|error| format!("{}: cannot be written: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_content_cannot_close_its_script() {
        let script = content_script("content/site.json", "{\n  \"a\": \"</script><b>\"\n}");
        assert_eq!(
            script,
            "<script type=\"application/json\" data-page-content=\"content/site.json\">\
             {\"a\":\"\\u003c/script>\\u003cb>\"}</script>"
        );
    }
}
