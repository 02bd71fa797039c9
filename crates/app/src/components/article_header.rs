use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{Byline, DatedWords, KeyPoints, ReviewOverdueNotice};
use crate::site_address::use_site_address;
use crate::words::{use_page_language, use_words};
use clinic_content::ids::TITLE_ID;
use clinic_content::library::category_slug;
use clinic_content::words::Word;
use clinic_content::{Article, ReviewDates, SiteSettings};

/// Category (a link to its page), title, byline, dates, reading time, a notice when the
/// review is overdue, the key points and the hero figure, when the article has one.
#[component]
pub fn ArticleHeader(
    article: Arc<Article>,
    site: Arc<SiteSettings>,
    /// The estimated reading time in minutes.
    reading_minutes: usize,
) -> impl IntoView {
    let words = use_words();
    let hero = article.hero.clone();
    let language = use_page_language();
    let category_href = format!(
        "{}{}",
        use_site_address().base,
        language
            .lists
            .category_path(&category_slug(&article.category))
    );
    let person = |id: &Option<String>| site.person(id.as_deref()?).cloned();
    let (author, reviewer) = (person(&article.author), person(&article.medical_reviewer));
    let reviewed = article.last_reviewed.clone().map(|date| {
        view! {
            <span aria-hidden="true">" · "</span>
            <span><DatedWords template=words.text(Word::Reviewed) iso=date /></span>
        }
    });
    let reading_time = words.count(Word::ReadingTime, &language.tag, reading_minutes);
    view! {
        <header class="article-header">
            <p class="article-category">
                <a href=category_href>{article.category.clone()}</a>
            </p>
            <h1 id=TITLE_ID tabindex="-1">{article.title.clone()}</h1>
            <Byline author reviewer />
            <p class="article-meta">
                <span>
                    <DatedWords template=words.text(Word::Published) iso=article.published.clone() />
                </span>
                {reviewed}
                <span aria-hidden="true">" · "</span>
                <span class="reading-time">{reading_time}</span>
            </p>
            <ReviewOverdueNotice dates=ReviewDates::of(&article, &site) />
            // The gist before the picture: a reader in pain wants the answer first.
            <KeyPoints points=article.key_points.clone() />
            {hero
                .map(|hero| {
                    view! {
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
                    }
                })}
        </header>
    }
}
