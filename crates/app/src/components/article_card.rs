use leptos::prelude::*;

use crate::components::CalendarDate;
use crate::site_address::use_site_address;
use crate::words::{use_page_language, use_words};
use clinic_content::language::same_language;
use clinic_content::words::Word;
use clinic_content::{article_path, LibraryEntry};

/// One article in a list: its picture, its title as the link, and what it is about. The whole
/// card answers a tap (the link covers it), but only the title is a stop for the keyboard. A
/// card in another language than the page's says so (`lang`), for a screen reader's voice.
#[component]
pub fn ArticleCard(
    entry: LibraryEntry,
    /// A card among related posts, under their `h2`: picture, title and category only.
    #[prop(optional)]
    brief: bool,
) -> impl IntoView {
    let href = format!("{}{}", use_site_address().base, article_path(&entry.slug));
    let link = view! { <a class="article-card-link" href=href>{entry.title.clone()}</a> };
    let title = if brief {
        view! { <h3 class="article-card-title">{link}</h3> }.into_any()
    } else {
        view! { <h2 class="article-card-title">{link}</h2> }.into_any()
    };
    let page_language = use_page_language().tag;
    let lang = (!same_language(&entry.lang, &page_language)).then(|| entry.lang.clone());
    let details = (!brief).then(|| {
        view! {
            <p class="article-card-description">{entry.description.clone()}</p>
            <p class="article-card-meta">
                <CalendarDate iso=entry.published.clone() />
                <span aria-hidden="true">" · "</span>
                {use_words().count(Word::ReadingTime, &page_language, entry.reading_minutes)}
            </p>
        }
    });
    view! {
        <div class="article-card" lang=lang>
            {entry
                .hero
                .clone()
                .map(|hero| {
                    view! {
                        <img
                            class="article-card-image"
                            src=hero.image
                            alt=""
                            width=hero.width
                            height=hero.height
                            loading="lazy"
                            decoding="async"
                        />
                    }
                })}
            <div class="article-card-text">
                {title}
                <p class="article-card-category">{entry.category.clone()}</p>
                {details}
            </div>
        </div>
    }
}
