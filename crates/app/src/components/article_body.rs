use leptos::prelude::*;

use super::content_block::blocks_view;
use crate::first_paint::AfterFirstPaint;
use clinic_content::{Article, Outline, OutlineEntry, Section};

/// The article's text: the introduction, then each section under its `h2` and each
/// subsection under its `h3`, with the ids from the outline. The introduction is on the first
/// screen; each section is built after the first paint, in its own task.
#[component]
pub fn ArticleBody(
    article: std::sync::Arc<Article>,
    /// The ids of the headings, from [`Outline::of`].
    outline: Outline,
) -> impl IntoView {
    let sections = article
        .sections
        .iter()
        .cloned()
        .zip(outline.sections)
        .map(|(section, entry)| {
            view! {
                <AfterFirstPaint>
                    <ArticleSection section=section.clone() entry=entry.clone() />
                </AfterFirstPaint>
            }
        })
        .collect_view();
    view! {
        <div class="article-body">
            {blocks_view(article.intro.clone())}
            {sections}
        </div>
    }
}

#[component]
fn ArticleSection(section: Section, entry: OutlineEntry) -> impl IntoView {
    let subsections = section
        .subsections
        .into_iter()
        .zip(entry.children)
        .map(|(sub, sub_entry)| {
            view! {
                <section class="article-subsection">
                    <h3 id=sub_entry.id tabindex="-1">{sub.heading}</h3>
                    {blocks_view(sub.body)}
                </section>
            }
        })
        .collect_view();
    let callout = section.callout;
    view! {
        <section class="article-section" class:callout=callout>
            <h2 id=entry.id tabindex="-1">{section.heading}</h2>
            {blocks_view(section.body)}
            {subsections}
        </section>
    }
}
