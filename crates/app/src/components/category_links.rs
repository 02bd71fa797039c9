use leptos::prelude::*;

use crate::site_address::use_site_address;
use crate::words::{use_page_language, use_words};
use clinic_content::words::Word;
use clinic_content::Category;

/// Every category as a link to its page, with how many articles it has, after a link to all
/// of them. The page being shown is marked as the current one.
#[component]
pub fn CategoryLinks(
    categories: Vec<Category>,
    /// How many articles there are in all.
    total: usize,
    /// The slug of the category shown, or none on the list of every article.
    current: Option<String>,
) -> impl IntoView {
    let base = use_site_address().base;
    let lists = use_page_language().lists;
    let link = |path: String, name: String, count: usize, is_current: bool| {
        view! {
            <li>
                <a href=format!("{base}{path}") aria-current=is_current.then_some("page")>
                    {name}
                    <span class="category-count">{format!(" ({count})")}</span>
                </a>
            </li>
        }
    };
    let all = link(
        lists.library_path(),
        use_words().text(Word::AllArticles),
        total,
        current.is_none(),
    );
    let each = categories
        .into_iter()
        .map(|category| {
            let is_current = current.as_deref() == Some(category.slug.as_str());
            link(
                lists.category_path(&category.slug),
                category.name,
                category.count,
                is_current,
            )
        })
        .collect_view();
    view! {
        <nav class="category-links" aria-label=use_words().text(Word::Categories)>
            <ul>{all}{each}</ul>
        </nav>
    }
}
