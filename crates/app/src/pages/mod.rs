//! Route views, and what each route needs loaded.

mod article;
pub mod head;
mod library;
mod not_found;
pub mod route;

use std::sync::Arc;

use leptos::prelude::*;

pub use article::ArticlePage;
pub use library::LibraryPage;
pub use not_found::NotFoundPage;
pub use route::Route;

use crate::first_paint::provide_first_paint_queue;
use crate::loading::fetch_content;
use crate::loading::SavedOn;
use clinic_content::load::{article_file, INDEX_FILE, LIBRARY_FILE, SITE_FILE};
use clinic_content::validate::problems_with_site;
use clinic_content::{Article, ArticleIndex, ContentError, Library, Problem, SiteSettings};

/// Everything a route shows, loaded and checked.
#[derive(Debug, Clone)]
pub enum PageContent {
    Article {
        site: Arc<SiteSettings>,
        article: Arc<Article>,
        /// The cards of its related posts that are articles of this site.
        related: Arc<Library>,
    },
    /// The list of every article, or of one category's (its slug).
    Library {
        site: Arc<SiteSettings>,
        library: Arc<Library>,
        category: Option<String>,
    },
    NotFound {
        site: Arc<SiteSettings>,
    },
}

/// A route's content, and when any of it came from the copy saved on the device, the day the
/// oldest part was saved.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    pub content: PageContent,
    pub saved_on: SavedOn,
}

/// Loads the content of `route`: its files load side by side.
pub async fn load_page(route: Route) -> Result<LoadedPage, ContentError> {
    let category = match route {
        Route::Library => None,
        Route::Category(slug) => Some(slug),
        route => return load_article_page(route).await,
    };
    let (site, library) = futures::join!(
        fetch_content::<SiteSettings>(SITE_FILE),
        fetch_content::<Library>(LIBRARY_FILE)
    );
    let (site, library) = (site?, library?);
    Ok(LoadedPage {
        saved_on: site.saved_on.and(library.saved_on),
        content: PageContent::Library {
            site: Arc::new(site.content),
            library: Arc::new(library.content),
            category,
        },
    })
}

/// Loads an article's page, or finds there is no such article.
async fn load_article_page(route: Route) -> Result<LoadedPage, ContentError> {
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
            return Ok(LoadedPage {
                content: PageContent::NotFound { site },
                saved_on: saved,
            })
        }
    };
    let file = article_file(&slug);
    let article = fetch_content::<Article>(&file).await?;
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
    let (related, related_saved) = if local.is_empty() {
        (Library::default(), SavedOn::default())
    } else {
        let library = fetch_content::<Library>(LIBRARY_FILE).await?;
        (library.content.only(local), library.saved_on)
    };
    Ok(LoadedPage {
        saved_on: saved.and(article.saved_on).and(related_saved),
        content: PageContent::Article {
            site,
            article: Arc::new(article.content),
            related: Arc::new(related),
        },
    })
}

/// The page a route shows, in parts (see `first_paint`). It tells the components inside
/// whether it comes from the saved copy, and from when.
#[component]
pub fn PageView(page: LoadedPage) -> impl IntoView {
    provide_first_paint_queue();
    provide_context(page.saved_on);
    match page.content {
        PageContent::Article {
            site,
            article,
            related,
        } => view! { <ArticlePage site article related /> }.into_any(),
        PageContent::Library {
            site,
            library,
            category,
        } => view! { <LibraryPage site library category /> }.into_any(),
        PageContent::NotFound { site } => view! { <NotFoundPage site /> }.into_any(),
    }
}
