use leptos::html::Button;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::content_block::blocks_view;
use crate::navigation::on_hash_target;
use crate::words::use_words;
use clinic_content::words::Word;
use clinic_content::{Faq, FaqItem, OutlineEntry};

/// The FAQ as a WAI-ARIA accordion: each question a button in a heading that shows or hides
/// its answer. Several may be open at once. Up/Down move between questions, Home/End go to the
/// first/last; opening `#<question id>` opens that answer.
#[component]
pub fn FaqAccordion(
    faq: Faq,
    /// The FAQ heading's id, with one child per question.
    entry: OutlineEntry,
) -> impl IntoView {
    let items: Vec<(FaqItem, String, RwSignal<bool>, NodeRef<Button>)> = faq
        .items
        .into_iter()
        .zip(entry.children)
        .map(|(item, question)| (item, question.id, RwSignal::new(false), NodeRef::new()))
        .collect();
    let open_states: Vec<RwSignal<bool>> = items.iter().map(|(_, _, open, _)| *open).collect();
    let buttons: Vec<NodeRef<Button>> = items.iter().map(|(_, _, _, button)| *button).collect();
    let set_all = move |open: bool| {
        for state in &open_states {
            state.set(open);
        }
    };
    let (expand_all, collapse_all) = (set_all.clone(), set_all);
    let words = use_words();
    open_linked_answer(
        items
            .iter()
            .map(|(_, id, open, _)| (id.clone(), *open))
            .collect(),
    );

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if move_focus(&buttons, &event.key()) {
            event.prevent_default();
        }
    };
    let (heading_id, labelled_by) = (entry.id.clone(), entry.id);
    view! {
        <section class="faq" aria-labelledby=labelled_by>
            <div class="faq-header">
                <h2 id=heading_id tabindex="-1">{faq.heading}</h2>
                <div class="faq-controls">
                    <button type="button" class="action" on:click=move |_| expand_all(true)>
                        {words.text(Word::ExpandAll)}
                    </button>
                    <button type="button" class="action" on:click=move |_| collapse_all(false)>
                        {words.text(Word::CollapseAll)}
                    </button>
                </div>
            </div>
            <div class="faq-list" on:keydown=on_keydown>
                {items
                    .into_iter()
                    .map(|(item, id, open, button)| view! { <FaqQuestion item id open button /> })
                    .collect_view()}
            </div>
        </section>
    }
}

/// One question and its answer.
#[component]
fn FaqQuestion(
    item: FaqItem,
    id: String,
    open: RwSignal<bool>,
    /// The question's button, for the accordion's arrow keys.
    button: NodeRef<Button>,
) -> impl IntoView {
    let panel_id = format!("{id}-answer");
    view! {
        <div class="faq-item">
            <h3>
                <button
                    type="button"
                    class="faq-question"
                    node_ref=button
                    id=id.clone()
                    aria-expanded=move || open.get().to_string()
                    aria-controls=panel_id.clone()
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    {item.question}
                </button>
            </h3>
            // Not a region (APG allows leaving it out): with one per question, a screen reader
            // would hear each question as heading, button and region.
            <div
                class="faq-answer"
                id=panel_id
                // A closed answer stays findable: the browser's find-in-page (and a search
                // result's #:~:text= link) fires `beforematch` on it, which opens it.
                hidden=move || (!open.get()).then_some("until-found")
                on:beforematch=move |_: web_sys::Event| open.set(true)
            >
                {blocks_view(item.answer)}
            </div>
        </div>
    }
}

/// Opens the answer whose question the address names, on load and whenever the `#` changes.
/// (Scrolling to it is the page's deep-link handling, as for any section.)
fn open_linked_answer(questions: Vec<(String, RwSignal<bool>)>) {
    on_hash_target(move |target, _| {
        if let Some((_, open)) = questions.iter().find(|(id, _)| id == target) {
            open.set(true);
        }
    });
}

/// Moves focus among the question buttons for the accordion's keys. Returns whether the key
/// was one of them.
fn move_focus(buttons: &[NodeRef<Button>], key: &str) -> bool {
    let buttons: Vec<web_sys::HtmlButtonElement> = buttons
        .iter()
        .filter_map(|button| button.get_untracked())
        .collect();
    let Some(last) = buttons.len().checked_sub(1) else {
        return false;
    };
    let active = document().active_element();
    let Some(current) = buttons
        .iter()
        .position(|button| active.as_ref() == Some(button.unchecked_ref()))
    else {
        return false;
    };
    let next = match key {
        "ArrowDown" => (current + 1) % buttons.len(),
        "ArrowUp" => current.checked_sub(1).unwrap_or(last),
        "Home" => 0,
        "End" => last,
        _ => return false,
    };
    let _ = buttons[next].focus();
    true
}
