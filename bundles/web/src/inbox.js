import { reactive } from 'vue'
import { get } from './api.js'

/** The signed-in user's unread count for the header's badge; `present` is false when the notifications module is not installed. */
export const inbox = reactive({ present: false, unread: 0 })

export async function refreshUnread() {
  try {
    const page = await get('/notifications?limit=1')
    inbox.present = true
    inbox.unread = page.unread ?? 0
  } catch (e) {
    // 404: the module is not installed; anything else: the badge stays as it was and the inbox screen says why.
    if (e.status === 404) Object.assign(inbox, { present: false, unread: 0 })
  }
}
