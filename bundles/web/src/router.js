import { createRouter, createWebHistory } from 'vue-router'
import { session, restore } from './session.js'
import SignIn from './views/SignIn.vue'
import Dashboard from './views/Dashboard.vue'

// Screens beyond the first are loaded when first opened, so the sign-in and dashboard ship alone.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/signin', component: SignIn, meta: { public: true } },
    { path: '/', redirect: '/dashboard' },
    { path: '/dashboard', component: Dashboard },
    { path: '/customers', component: () => import('./views/Customers.vue') },
    { path: '/customers/:code', component: () => import('./views/CustomerDetail.vue'), props: true },
    { path: '/products', component: () => import('./views/Products.vue') },
    { path: '/orders', component: () => import('./views/Orders.vue') },
    { path: '/orders/new', component: () => import('./views/OrderEntry.vue'), props: { type: 'ORDER' } },
    { path: '/returns/new', component: () => import('./views/OrderEntry.vue'), props: { type: 'RETURN' } },
    { path: '/orders/:number/edit', component: () => import('./views/OrderEntry.vue'), props: true },
    { path: '/orders/:number', component: () => import('./views/OrderDetail.vue'), props: true },
    { path: '/contracts', component: () => import('./views/Contracts.vue') },
    { path: '/contracts/new', component: () => import('./views/ContractDetail.vue') },
    { path: '/contracts/:number', component: () => import('./views/ContractDetail.vue'), props: true },
    { path: '/invoices', component: () => import('./views/Invoices.vue') },
    { path: '/invoices/:number', component: () => import('./views/InvoiceDetail.vue'), props: true },
    { path: '/employees', component: () => import('./views/Employees.vue') },
    { path: '/stock', component: () => import('./views/Stock.vue') },
    { path: '/stock-entry', component: () => import('./views/StockEntry.vue') },
    { path: '/purchasing', component: () => import('./views/Purchasing.vue') },
    { path: '/purchase-orders/new', component: () => import('./views/PurchaseEntry.vue'), props: { type: 'ORDER' } },
    { path: '/purchase-returns/new', component: () => import('./views/PurchaseEntry.vue'), props: { type: 'RETURN' } },
    { path: '/finance', component: () => import('./views/Finance.vue') },
    { path: '/payables', component: () => import('./views/Finance.vue'), props: { initial: 'payables' } },
    { path: '/notifications', component: () => import('./views/Notifications.vue') },
    { path: '/reports', component: () => import('./views/Reports.vue') },
    { path: '/reports/:name', component: () => import('./views/Reports.vue'), props: true },
    { path: '/admin', component: () => import('./views/Admin.vue') },
    { path: '/users', component: () => import('./views/Users.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/dashboard' }
  ]
})

router.beforeEach(async (to) => {
  if (!session.checked) await restore()
  if (!to.meta.public && !session.user) return { path: '/signin', query: to.fullPath !== '/dashboard' ? { next: to.fullPath } : {} }
  if (to.path === '/signin' && session.user) return '/dashboard'
})
