use std::sync::Arc;

use leptos::prelude::*;

use crate::components::DatedWords;
use crate::words::{language_apart, use_words};
use clinic_content::ids::{ABOUT_ID, SOURCES_ID};
use clinic_content::words::Word;
use clinic_content::{Article, ReviewDates, SiteSettings, Source};

/// The end of an article: what it is based on, when it was reviewed and is due again, what
/// changed, that it supports and does not replace a clinician's advice, and where to report a
/// mistake.
#[component]
pub fn AboutArticle(article: Arc<Article>, site: Arc<SiteSettings>) -> impl IntoView {
    let words = use_words();
    let sources = (!article.sources.is_empty()).then(|| {
        let items = article.sources.iter().map(source_item).collect_view();
        view! {
            <h3 id=SOURCES_ID>{words.text(Word::Sources)}</h3>
            <ol class="sources">{items}</ol>
        }
    });
    let dates = ReviewDates::of(&article, &site);
    let review_dates = [
        (words.get(Word::LastReviewed), dates.last_reviewed),
        (words.get(Word::NextReviewDue), dates.next_due),
    ]
    .into_iter()
    .filter_map(|(template, date)| Some((template.to_string(), date?)))
    .enumerate()
    .map(|(position, (template, date))| {
        view! {
            {(position > 0).then_some(view! { <span aria-hidden="true">" · "</span> })}
            <span><DatedWords template iso=date /></span>
        }
    })
    .collect::<Vec<_>>();
    let review_dates =
        (!review_dates.is_empty()).then(|| view! { <p class="review-dates">{review_dates}</p> });
    let update = article.updated.clone().map(|update| {
        view! {
            <p class="article-update">
                <DatedWords
                    template=words.text(Word::Updated)
                    iso=update.date
                    values=vec![("note", update.note)]
                />
            </p>
        }
    });
    let (disclaimer_lang, disclaimer_dir) =
        language_apart(&site, |texts| texts.disclaimer.is_some());
    let report = site.report_mistake_href(&article).map(|href| {
        view! { <p class="report-mistake"><a href=href>{words.text(Word::ReportMistake)}</a></p> }
    });
    view! {
        <section class="about-article" aria-labelledby=ABOUT_ID>
            <h2 id=ABOUT_ID>{words.text(Word::AboutThisPage)}</h2>
            {sources}
            {review_dates}
            {update}
            <p class="care-note" lang=disclaimer_lang dir=disclaimer_dir>
                {site.disclaimer.clone()}
            </p>
            {report}
        </section>
    }
}

/// "Title. Publisher, 2024." with the title linking to the source when it has an address.
fn source_item(source: &Source) -> impl IntoView {
    let title = match source.url.clone() {
        Some(href) => view! { <a href=href>{source.title.clone()}</a> }.into_any(),
        None => source.title.clone().into_any(),
    };
    let details = source.details().map(|details| format!(" {details}."));
    view! { <li><cite>{title}</cite>"."{details}</li> }
}
