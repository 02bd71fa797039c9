//! localStorage that never fails loudly: when storage is blocked (private modes, disabled
//! cookies) or full, reads find nothing and writes are dropped, and the page carries on. Pages
//! rendered at build time have no storage at all: they show what a first visit shows.

fn local_storage() -> Option<web_sys::Storage> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()?.local_storage().ok().flatten()
    } else {
        None
    }
}

pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; returns whether it was kept.
pub fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// Forgets `key`; quietly does nothing when storage is blocked.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
