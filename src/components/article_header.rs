use leptos::prelude::*;

use crate::content::library::{category_path, category_slug};
use crate::content::outline::TITLE_ID;
use crate::content::text::display_date;
use crate::content::Article;
use crate::site_address::use_site_address;

/// Category (a link to its page), title, date, reading time and the hero figure.
#[component]
pub fn ArticleHeader(
    article: std::sync::Arc<Article>,
    /// The estimated reading time in minutes.
    reading_minutes: usize,
) -> impl IntoView {
    let date = display_date(&article.published).unwrap_or_else(|| article.published.clone());
    let hero = article.hero.clone();
    let category_href = format!(
        "{}{}",
        use_site_address().base,
        category_path(&category_slug(&article.category))
    );
    view! {
        <header class="article-header">
            <p class="article-category">
                <a href=category_href>{article.category.clone()}</a>
            </p>
            <h1 id=TITLE_ID tabindex="-1">{article.title.clone()}</h1>
            <p class="article-meta">
                <time datetime=article.published.clone()>{date}</time>
                <span aria-hidden="true">" · "</span>
                <span class="reading-time">{format!("{reading_minutes} min read")}</span>
            </p>
            <figure class="article-hero">
                <img
                    src=hero.image
                    alt=hero.alt
                    width=hero.width
                    height=hero.height
                    decoding="async"
                    fetchpriority="high"
                />
            </figure>
        </header>
    }
}
