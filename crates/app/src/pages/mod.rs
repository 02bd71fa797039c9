//! Route views, and what each route needs loaded.

mod a_to_z;
mod article;
pub mod head;
mod library;
mod not_found;
pub mod route;

use std::sync::Arc;

use leptos::prelude::*;

pub use a_to_z::AtoZPage;
pub use article::ArticlePage;
pub use library::LibraryPage;
pub use not_found::NotFoundPage;
pub use route::Route;

use crate::first_paint::provide_first_paint_queue;
use crate::loading::{fetch_content, Fetched, SavedOn};
use crate::words::PageLanguage;
use clinic_content::language::{translations_file, Translations};
use clinic_content::library::{
    a_to_z_file, list_page_count, ListLanguage, CARDS_PER_PAGE, NAMES_PER_PAGE,
};
use clinic_content::load::{article_file, INDEX_FILE, LIBRARY_FILE, SITE_FILE};
use clinic_content::validate::problems_with_site;
use clinic_content::words::{locale_file, Words};
use clinic_content::{
    Article, ArticleIndex, AtoZList, Category, ContentError, Library, ListPage, Problem,
    SiteSettings,
};

/// Everything a route shows, loaded and checked.
#[derive(Debug, Clone)]
pub enum PageContent {
    Article {
        site: Arc<SiteSettings>,
        article: Arc<Article>,
        /// The cards of its related posts that are articles of this site.
        related: Arc<Library>,
        /// Its versions in other languages, when it has any.
        translations: Arc<Translations>,
    },
    /// A page of the list of every article, or of one category's.
    Library {
        site: Arc<SiteSettings>,
        list: Arc<ListPage>,
    },
    /// A page of the A to Z.
    AtoZ {
        site: Arc<SiteSettings>,
        list: Arc<AtoZList>,
    },
    NotFound {
        site: Arc<SiteSettings>,
    },
}

impl PageContent {
    /// The language of the page: its article's or its list's, or the site's.
    pub fn language(&self) -> &str {
        match self {
            PageContent::Article { site, article, .. } => site.language_of(article),
            PageContent::Library { site, list } => list.language.tag(site),
            _ => self.site().language(),
        }
    }

    /// The lists the page belongs to and links to: its language's.
    pub fn lists(&self) -> ListLanguage {
        match self {
            PageContent::Library { list, .. } => list.language.clone(),
            _ => ListLanguage::of(self.site(), self.language()),
        }
    }

    /// The page with the clinic's texts in its language, where `site.json` gives them.
    pub fn in_its_language(mut self) -> PageContent {
        if self.site().in_languages.is_empty() {
            return self;
        }
        let in_language = Arc::new(self.site().in_language(self.language()));
        match &mut self {
            PageContent::Article { site, .. }
            | PageContent::Library { site, .. }
            | PageContent::AtoZ { site, .. }
            | PageContent::NotFound { site } => *site = in_language,
        }
        self
    }

    /// The site settings every page is shown with.
    pub fn site(&self) -> &Arc<SiteSettings> {
        match self {
            PageContent::Article { site, .. }
            | PageContent::Library { site, .. }
            | PageContent::AtoZ { site, .. }
            | PageContent::NotFound { site } => site,
        }
    }
}

/// A route's content, the interface's words in its language, and when any of it came from
/// the copy saved on the device, the day the oldest part was saved.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    pub content: PageContent,
    pub words: Arc<Words>,
    pub saved_on: SavedOn,
}

/// A table of the interface's words that the document carries, with its file: the page's
/// own, or in the shell that loads any page, the site's.
#[derive(Debug, Clone)]
pub struct CarriedWords {
    pub file: String,
    pub words: Arc<Words>,
}

/// A route's content, before the words of its language.
struct LoadedContent {
    content: PageContent,
    saved_on: SavedOn,
}

/// Loads the content of `route` (its files side by side), then the table of the
/// interface's words in its language, unless it is the `carried` one.
pub async fn load_page(
    route: Route,
    carried: Option<CarriedWords>,
) -> Result<LoadedPage, ContentError> {
    let LoadedContent { content, saved_on } = load_content(route).await?;
    let file = locale_file(content.language());
    let (words, saved_on) = match carried.filter(|carried| carried.file == file) {
        Some(carried) => (carried.words, saved_on),
        None => {
            let fetched = fetch_content::<Words>(&file).await?;
            (Arc::new(fetched.content), saved_on.and(fetched.saved_on))
        }
    };
    Ok(LoadedPage {
        content,
        words,
        saved_on,
    })
}

async fn load_content(route: Route) -> Result<LoadedContent, ContentError> {
    let (language, category, page) = match &route {
        Route::Library(language, page) => (language.clone(), None, *page),
        Route::Category(language, slug, page) => (language.clone(), Some(slug.clone()), *page),
        Route::AtoZ(letter, page) => return load_a_to_z_page(letter.as_deref(), *page).await,
        _ => return load_article_page(route).await,
    };
    let file = language.list_file(category.as_deref(), page);
    let (site, list) = futures::join!(
        fetch_content::<SiteSettings>(SITE_FILE),
        fetch_content::<ListPage>(&file)
    );
    let site = site?;
    let list = match list {
        Ok(list) => list,
        Err(error) => return missing_list(site, language, category, page, error).await,
    };
    Ok(LoadedContent {
        saved_on: site.saved_on.and(list.saved_on),
        content: PageContent::Library {
            site: Arc::new(site.content),
            list: Arc::new(list.content),
        },
    })
}

/// The page for a list's page that could not be loaded: when the first page of every
/// article in its language shows that the site has no such page (or the site's own list
/// shows it has no list in that language), a category no article is in (it may have been
/// renamed) or the not-found page; otherwise the error.
async fn missing_list(
    site: Fetched<SiteSettings>,
    language: ListLanguage,
    category: Option<String>,
    page: usize,
    error: ContentError,
) -> Result<LoadedContent, ContentError> {
    let all = match fetch_content::<ListPage>(&language.list_file(None, 1)).await {
        Ok(all) => all,
        Err(_) if !language.is_site_language() => {
            let site_lists = ListLanguage::default().list_file(None, 1);
            let Ok(site_list) = fetch_content::<ListPage>(&site_lists).await else {
                return Err(error);
            };
            if (site_list.content.languages.iter()).any(|known| known.language == language) {
                return Err(error);
            }
            return Ok(LoadedContent {
                content: PageContent::NotFound {
                    site: Arc::new(site.content),
                },
                saved_on: site.saved_on.and(site_list.saved_on),
            });
        }
        Err(_) => return Err(error),
    };
    let known = category.as_ref().and_then(|slug| {
        all.content
            .categories
            .iter()
            .find(|known| &known.slug == slug)
    });
    let content = match (category, known) {
        (Some(_), Some(known)) if page <= list_page_count(known.count, CARDS_PER_PAGE) => {
            return Err(error)
        }
        (None, _) if page <= all.content.pages => return Err(error),
        (Some(slug), None) if page == 1 => PageContent::Library {
            list: Arc::new(ListPage {
                category: Some(Category {
                    name: String::new(),
                    slug,
                    count: 0,
                }),
                page: 1,
                pages: 1,
                count: 0,
                articles: Vec::new(),
                ..all.content
            }),
            site: Arc::new(site.content),
        },
        _ => PageContent::NotFound {
            site: Arc::new(site.content),
        },
    };
    Ok(LoadedContent {
        content,
        saved_on: site.saved_on.and(all.saved_on),
    })
}

/// Loads a page of the A to Z: a letter without names is not a page, nor one past its last.
async fn load_a_to_z_page(
    letter: Option<&str>,
    page: usize,
) -> Result<LoadedContent, ContentError> {
    let file = a_to_z_file(letter, page);
    let (site, list) = futures::join!(
        fetch_content::<SiteSettings>(SITE_FILE),
        fetch_content::<AtoZList>(&file)
    );
    let site = site?;
    let list = match list {
        Ok(list) => list,
        Err(error) => {
            // Whether the letter has a page: the page of letters says.
            let letters = fetch_content::<AtoZList>(&a_to_z_file(None, 1)).await;
            let has_page = |letters: &AtoZList| {
                letters.letters.iter().any(|known| {
                    Some(known.slug.as_str()) == letter
                        && page <= known.count.div_ceil(NAMES_PER_PAGE)
                })
            };
            return match letters {
                Ok(letters) if letter.is_some() && !has_page(&letters.content) => {
                    Ok(LoadedContent {
                        content: PageContent::NotFound {
                            site: Arc::new(site.content),
                        },
                        saved_on: site.saved_on.and(letters.saved_on),
                    })
                }
                _ => Err(error),
            };
        }
    };
    Ok(LoadedContent {
        saved_on: site.saved_on.and(list.saved_on),
        content: PageContent::AtoZ {
            site: Arc::new(site.content),
            list: Arc::new(list.content),
        },
    })
}

/// Loads an article's page, or finds there is no such article.
async fn load_article_page(route: Route) -> Result<LoadedContent, ContentError> {
    let (site, index) = futures::join!(
        fetch_content::<SiteSettings>(SITE_FILE),
        fetch_content::<ArticleIndex>(INDEX_FILE)
    );
    let (site, index) = (site?, index?);
    let index_saved = index.saved_on.is_saved_copy();
    let saved = site.saved_on.and(index.saved_on);
    let site = Arc::new(site.content);
    let slug = match route {
        Route::Home => index.content.home,
        Route::Article(slug) if index.content.articles.iter().any(|a| a.slug == slug) => slug,
        // Offline, an article added since the index was saved is missing from it, not gone.
        Route::Article(slug) if index_saved => {
            return Err(ContentError::Unavailable {
                file: article_file(&slug),
                reason: "it is not saved on this device, and the network cannot be reached".into(),
            })
        }
        _ => {
            return Ok(LoadedContent {
                content: PageContent::NotFound { site },
                saved_on: saved,
            })
        }
    };
    let file = article_file(&slug);
    // Its versions in other languages are in the file of its original: its own, unless it
    // turns out to be a translation. An article without translations has none, and an
    // optional file that cannot be loaded lists none.
    let optional = |file: String| async move {
        fetch_content::<Translations>(&file)
            .await
            .map(|fetched| fetched.content)
            .unwrap_or_default()
    };
    let (article, own_translations) = futures::join!(
        fetch_content::<Article>(&file),
        optional(translations_file(&slug))
    );
    let article = article?;
    // What only the other files show: the file's name, and the site's people.
    let mut problems = problems_with_site(&article.content, &site);
    if article.content.slug != slug {
        problems.insert(
            0,
            Problem {
                path: "slug".into(),
                message: format!(
                    "{:?} does not match the file name {slug:?}",
                    article.content.slug
                ),
            },
        );
    }
    if !problems.is_empty() {
        return Err(ContentError::Invalid { problems, file });
    }
    // Cards for the related posts this site has: only then is the library needed.
    let local: Vec<&str> = article
        .content
        .related
        .iter()
        .map(|post| post.slug.as_str())
        .filter(|slug| index.content.articles.iter().any(|a| a.slug == *slug))
        .collect();
    let translations = match &article.content.translation_of {
        Some(original) => optional(translations_file(original)).await,
        None => own_translations,
    };
    let (related, related_saved) = if local.is_empty() {
        (Library::default(), SavedOn::default())
    } else {
        let library = fetch_content::<Library>(LIBRARY_FILE).await?;
        (library.content.only(local), library.saved_on)
    };
    Ok(LoadedContent {
        saved_on: saved.and(article.saved_on).and(related_saved),
        content: PageContent::Article {
            site,
            article: Arc::new(article.content),
            related: Arc::new(related),
            translations: Arc::new(translations),
        },
    })
}

/// The page a route shows, in parts (see `first_paint`). It tells the components inside
/// whether it comes from the saved copy, and from when.
#[component]
pub fn PageView(page: LoadedPage) -> impl IntoView {
    provide_first_paint_queue();
    provide_context(page.saved_on);
    provide_context(page.words);
    provide_context(PageLanguage {
        tag: page.content.language().to_string(),
        lists: page.content.lists(),
    });
    match page.content.in_its_language() {
        PageContent::Article {
            site,
            article,
            related,
            translations,
        } => view! { <ArticlePage site article related translations /> }.into_any(),
        PageContent::Library { site, list } => view! { <LibraryPage site list /> }.into_any(),
        PageContent::AtoZ { site, list } => view! { <AtoZPage site list /> }.into_any(),
        PageContent::NotFound { site } => view! { <NotFoundPage site /> }.into_any(),
    }
}
