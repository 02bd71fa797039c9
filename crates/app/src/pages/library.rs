use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    ArticleCard, Breadcrumbs, CategoryLinks, LanguageLink, LanguageList, PageNumbers, SiteLayout,
};
use crate::first_paint::FirstScreen;
use crate::pages::head::{library_head, list_name, set_document_head};
use crate::site_address::use_site_address;
use crate::words::{use_page_language, use_words};
use clinic_content::library::a_to_z_path;
use clinic_content::words::Word;
use clinic_content::{ListPage, SiteSettings};

/// A page of the list of every article, newest first, or of one category's, with links to
/// every category and to the list's other pages.
#[component]
pub fn LibraryPage(site: Arc<SiteSettings>, list: Arc<ListPage>) -> impl IntoView {
    let words = use_words();
    set_document_head(library_head(&site, &list, &words));
    let heading = list_name(&list, &words);
    let summary = match (list.count, &list.category) {
        (0, _) => None,
        (1, None) => Some(words.text(Word::OneArticleMoreComing)),
        (1, Some(_)) => Some(words.text(Word::OneArticle)),
        (count, _) => Some(words.count(Word::ArticlesNewestFirst, &use_page_language().tag, count)),
    };
    let language_links: Vec<LanguageLink> = list
        .languages
        .iter()
        .map(|other| LanguageLink {
            lang: other.lang.clone(),
            name: other.language_name.clone(),
            path: other.language.library_path(),
            current: other.language == list.language,
        })
        .collect();
    let shown = list.clone();
    let cards = (!list.articles.is_empty()).then(move || {
        // A part of its own: on a pre-rendered page the cards come to life in a task of
        // their own, after the page's frame.
        view! {
            <FirstScreen>
                <ul class="article-cards">
                    {shown
                        .articles
                        .iter()
                        .map(|entry| view! { <li><ArticleCard entry=entry.clone() /></li> })
                        .collect_view()}
                </ul>
                <PageNumbers
                    page=shown.page
                    paths=(1..=shown.pages).map(|page| shown.path_of(page)).collect()
                />
            </FirstScreen>
        }
    });
    let empty = cards.is_none().then(|| {
        view! {
            <p>
                {format!("{} ", words.get(Word::CategoryRenamed))}
                <a href=format!("{}{}", use_site_address().base, list.language.library_path())>
                    {words.text(Word::SeeEveryArticle)}
                </a>
            </p>
        }
    });
    view! {
        <SiteLayout site>
            <div class="library">
                <FirstScreen>
                    <Breadcrumbs trail=list.trail(&words) />
                    <LanguageList links=language_links.clone() />
                    <h1>{heading.clone()}</h1>
                    {summary.clone().map(|summary| view! { <p>{summary}</p> })}
                    <CategoryLinks
                        categories=list.categories.clone()
                        total=list.library_count
                        current=list.category_slug().map(str::to_string)
                    />
                    <p class="a-to-z-link">
                        <a href=format!("{}{}", use_site_address().base, a_to_z_path(None, 1))>
                            {words.filled(Word::AToZLink, &[("name", words.get(Word::HealthAToZ))])}
                        </a>
                    </p>
                </FirstScreen>
                {cards}
                {empty}
            </div>
        </SiteLayout>
    }
}
