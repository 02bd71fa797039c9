//! Route views, and what each route needs loaded.

mod article;
mod head;
mod not_found;
pub mod route;

use std::sync::Arc;

use leptos::prelude::*;

pub use article::ArticlePage;
pub use not_found::NotFoundPage;
pub use route::Route;

use crate::content::fetch::fetch_content;
use crate::content::load::{article_file, INDEX_FILE, SITE_FILE};
use crate::content::{Article, ArticleIndex, ContentError, Problem, SiteSettings};

/// Everything a route shows, loaded and checked.
#[derive(Debug, Clone)]
pub enum PageContent {
    Article {
        site: Arc<SiteSettings>,
        article: Arc<Article>,
    },
    NotFound {
        site: Arc<SiteSettings>,
    },
}

/// Loads the content of `route`. The site settings and the index load side by side; the
/// article file is already on its way thanks to the preload in `index.html`.
pub async fn load_page(route: Route) -> Result<PageContent, ContentError> {
    let (site, index) = futures::join!(
        fetch_content::<SiteSettings>(SITE_FILE),
        fetch_content::<ArticleIndex>(INDEX_FILE)
    );
    let site = Arc::new(site?);
    let slug = match route {
        Route::Home => index?.home,
        Route::Article(slug) if index?.articles.iter().any(|a| a.slug == slug) => slug,
        Route::Article(_) | Route::NotFound => return Ok(PageContent::NotFound { site }),
    };
    let file = article_file(&slug);
    let article: Article = fetch_content(&file).await?;
    if article.slug != slug {
        return Err(ContentError::Invalid {
            problems: vec![Problem {
                path: "slug".into(),
                message: format!("{:?} does not match the file name {slug:?}", article.slug),
            }],
            file,
        });
    }
    Ok(PageContent::Article {
        site,
        article: Arc::new(article),
    })
}

#[component]
pub fn PageView(content: PageContent) -> impl IntoView {
    match content {
        PageContent::Article { site, article } => view! { <ArticlePage site article /> }.into_any(),
        PageContent::NotFound { site } => view! { <NotFoundPage site /> }.into_any(),
    }
}
