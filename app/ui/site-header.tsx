import Link from 'next/link';
import { NavMenu } from './nav-menu';

type Props = Omit<React.ComponentProps<typeof NavMenu>, 'label'> & { home: string };

/** The one header of every page: brand, then the section links behind the phone menu. */
export function SiteHeader({ home, ...menu }: Props) {
  return (
    <header className="site-header">
      <div className="header-bar">
        <Link href={home} className="brand">
          StakeEasy
        </Link>
        <NavMenu label="Main" {...menu} />
      </div>
    </header>
  );
}
