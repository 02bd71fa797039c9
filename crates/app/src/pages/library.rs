use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{ArticleCard, Breadcrumbs, CategoryLinks, SiteLayout};
use crate::first_paint::FirstScreen;
use crate::pages::head::{library_head, set_document_head};
use crate::site_address::use_site_address;
use clinic_content::library::{library_path, trail_to_library, LIBRARY_NAME};
use clinic_content::{Library, SiteSettings};

/// Every article as a card, newest first, or only those of one category, with links to every
/// category.
#[component]
pub fn LibraryPage(
    site: Arc<SiteSettings>,
    library: Arc<Library>,
    /// The slug of the category to show; none shows every article.
    category: Option<String>,
) -> impl IntoView {
    let categories = library.categories();
    let shown = category
        .as_ref()
        .and_then(|slug| categories.iter().find(|c| &c.slug == slug))
        .cloned();
    set_document_head(library_head(&site, shown.as_ref()));
    let entries: Vec<_> = match &category {
        Some(slug) => library.in_category(slug).cloned().collect(),
        None => library.articles.clone(),
    };
    let heading = match (&shown, &category) {
        (Some(shown), _) => shown.name.clone(),
        (None, Some(_)) => "No articles in this category".to_string(),
        (None, None) => LIBRARY_NAME.to_string(),
    };
    let summary = match (entries.len(), &shown) {
        (0, _) => None,
        (1, None) => Some("One article so far. More are on their way.".to_string()),
        (1, Some(_)) => Some("One article so far.".to_string()),
        (count, _) => Some(format!("{count} articles, newest first.")),
    };
    let list = (!entries.is_empty()).then(|| {
        // A part of its own: on a pre-rendered page the cards come to life in a task of
        // their own, after the page's frame.
        view! {
            <FirstScreen>
                <ul class="article-cards">
                    {entries
                        .iter()
                        .map(|entry| view! { <li><ArticleCard entry=entry.clone() /></li> })
                        .collect_view()}
                </ul>
            </FirstScreen>
        }
    });
    let empty = list.is_none().then(|| {
        view! {
            <p>
                "There are no articles in this category. It may have been renamed: "
                <a href=format!("{}{}", use_site_address().base, library_path())>
                    "see every article"
                </a>
                "."
            </p>
        }
    });
    let total = library.articles.len();
    view! {
        <SiteLayout site>
            <div class="library">
                <FirstScreen>
                    <Breadcrumbs trail=trail_to_library(shown.as_ref()) />
                    <h1>{heading.clone()}</h1>
                    {summary.clone().map(|summary| view! { <p>{summary}</p> })}
                    <CategoryLinks
                        categories=categories.clone()
                        total
                        current=category.clone()
                    />
                </FirstScreen>
                {list}
                {empty}
            </div>
        </SiteLayout>
    }
}
