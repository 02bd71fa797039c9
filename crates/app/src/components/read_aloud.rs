use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::navigation::{has_passed_reading_line, CurrentSection};
use crate::words::use_words;
use clinic_content::language::primary_language;
use clinic_content::words::Word;
use clinic_content::{Article, Outline};

/// The article a page offers to read aloud, provided by the article page.
#[derive(Clone)]
pub struct ArticleToRead {
    pub article: Arc<Article>,
    pub outline: Outline,
    /// The article's language, which it is read aloud in.
    pub lang: String,
}

/// Reads the article aloud with the browser's speech synthesis, in the article's language
/// and with a voice of that language, from the section being read, with pause and stop. Not
/// shown where the browser cannot speak, where its voices (once it has listed them) speak
/// none of the article's language, or on a page with no article.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let speaking = RwSignal::new(false);
    let paused = RwSignal::new(false);
    let current = use_context::<CurrentSection>();
    let to_read = use_context::<ArticleToRead>();
    let readable = to_read.is_some();
    let lang = to_read.as_ref().map(|to_read| to_read.lang.clone());
    // Whether the browser has a voice for the language: unknown (so offered) until it lists
    // its voices, which some browsers do only after the page asks.
    let has_voice = RwSignal::new(true);
    if let (Some(synth), Some(lang)) = (speech(), lang.clone()) {
        let check = move || {
            let voices = voices(&synth);
            has_voice.set(voices.is_empty() || voice_for(&voices, &lang).is_some());
        };
        check();
        let _ = leptos_use::use_event_listener(
            speech_target(),
            leptos::ev::Custom::<web_sys::Event>::new("voiceschanged"),
            move |_| check(),
        );
    }
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
            utterance.set_lang(&to_read.lang);
            if let Some(voice) = voice_for(&voices(&synth), &to_read.lang) {
                // Set as a property: a browser that lists no real voices refuses one.
                let _ = js_sys::Reflect::set(&utterance, &"voice".into(), &voice);
            }
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
            <fieldset class="setting-group read-aloud" hidden=move || !has_voice.get()>
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

/// The browser's voices, as it lists them now (none where it cannot list them).
fn voices(synth: &SpeechSynthesis) -> Vec<JsValue> {
    let listed = js_sys::Reflect::get(synth, &"getVoices".into())
        .ok()
        .and_then(|get| get.dyn_into::<js_sys::Function>().ok())
        .and_then(|get| get.call0(synth).ok());
    listed
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().collect())
        .unwrap_or_default()
}

/// The first voice that speaks the language `lang`, by its primary subtag ("es" for "es-MX";
/// some browsers write "es_ES").
fn voice_for(voices: &[JsValue], lang: &str) -> Option<JsValue> {
    let wanted = primary_language(lang);
    voices
        .iter()
        .find(|voice| {
            js_sys::Reflect::get(voice, &"lang".into())
                .ok()
                .and_then(|voice_lang| voice_lang.as_string())
                .is_some_and(|voice_lang| primary_language(&voice_lang) == wanted)
        })
        .cloned()
}

/// Where the browser says its list of voices changed.
fn speech_target() -> web_sys::EventTarget {
    speech()
        .map(|synth| synth.unchecked_into())
        .unwrap_or_else(|| window().unchecked_into())
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
