use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::navigation::{has_passed_reading_line, CurrentSection};
use crate::words::use_words;
use clinic_content::words::Word;
use clinic_content::{Article, Outline};

/// The article a page offers to read aloud, provided by the article page.
#[derive(Clone)]
pub struct ArticleToRead {
    pub article: Arc<Article>,
    pub outline: Outline,
}

/// Reads the article aloud with the browser's speech synthesis, from the section being read,
/// with pause and stop. Not shown where the browser cannot speak, or on a page with no
/// article.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let speaking = RwSignal::new(false);
    let paused = RwSignal::new(false);
    let current = use_context::<CurrentSection>();
    let to_read = use_context::<ArticleToRead>();
    let readable = to_read.is_some();
    let start = move |_| {
        let (Some(synth), Some(to_read)) = (speech(), to_read.as_ref()) else {
            return;
        };
        synth.cancel();
        let start_id = current
            .and_then(|current| current.0.get_untracked())
            .filter(|id| has_passed_reading_line(id));
        let texts = texts_from(to_read, start_id.as_deref());
        let count = texts.len();
        for (index, text) in texts.into_iter().enumerate() {
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
                continue;
            };
            if index + 1 == count {
                let done = Closure::once_into_js(move || {
                    speaking.set(false);
                    paused.set(false);
                });
                utterance.set_onend(Some(done.unchecked_ref()));
            }
            synth.speak(&utterance);
        }
        speaking.set(count > 0);
        paused.set(false);
    };
    let pause = move |_| {
        let Some(synth) = speech() else { return };
        if !speaking.get_untracked() {
            return;
        }
        if paused.get_untracked() {
            synth.resume();
        } else {
            synth.pause();
        }
        paused.update(|paused| *paused = !*paused);
    };
    let stop = move |_| {
        if let Some(synth) = speech() {
            synth.cancel();
        }
        speaking.set(false);
        paused.set(false);
    };
    let words = use_words();
    (readable && speech().is_some()).then(|| {
        view! {
            <fieldset class="setting-group read-aloud">
                <legend>{words.text(Word::Listen)}</legend>
                <div class="setting-buttons">
                    <button
                        type="button"
                        class="action"
                        aria-pressed=move || speaking.get().to_string()
                        on:click=start
                    >
                        {words.text(Word::ReadAloud)}
                    </button>
                    <button
                        type="button"
                        class="action"
                        aria-pressed=move || paused.get().to_string()
                        aria-disabled=move || (!speaking.get()).then_some("true")
                        on:click=pause
                    >
                        {words.text(Word::Pause)}
                    </button>
                    <button
                        type="button"
                        class="action"
                        aria-disabled=move || (!speaking.get()).then_some("true")
                        on:click=stop
                    >
                        {words.text(Word::Stop)}
                    </button>
                </div>
            </fieldset>
        }
    })
}

/// The browser's speech synthesis, if it has one.
fn speech() -> Option<SpeechSynthesis> {
    let window = window();
    let has_speech = js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis"))
        .unwrap_or(false)
        && js_sys::Reflect::has(&window, &JsValue::from_str("SpeechSynthesisUtterance"))
            .unwrap_or(false);
    has_speech.then(|| window.speech_synthesis().ok()).flatten()
}

/// The text to read, a passage at a time: from the heading `start_id`, or from the top.
fn texts_from(to_read: &ArticleToRead, start_id: Option<&str>) -> Vec<String> {
    let passages = to_read.outline.passages(&to_read.article);
    let start = passages
        .iter()
        .position(|passage| {
            passage.heading_id.is_some() && passage.heading_id.as_deref() == start_id
        })
        .unwrap_or(0);
    passages
        .into_iter()
        .skip(start)
        .map(|passage| passage.text)
        .collect()
}
