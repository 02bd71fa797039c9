use leptos::prelude::*;

use super::content_block::blocks_view;
use crate::content::{Faq, OutlineEntry};

/// The questions and their answers.
#[component]
pub fn FaqList(
    faq: Faq,
    /// The FAQ heading's id, with one child per question.
    entry: OutlineEntry,
) -> impl IntoView {
    let items = faq
        .items
        .into_iter()
        .zip(entry.children)
        .map(|(item, question)| {
            view! {
                <div class="faq-item">
                    <h3 id=question.id tabindex="-1">{item.question}</h3>
                    {blocks_view(item.answer)}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="faq">
            <h2 id=entry.id tabindex="-1">{faq.heading}</h2>
            {items}
        </section>
    }
}
